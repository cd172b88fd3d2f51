import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/sequelize';
import { subject } from '@casl/ability';
import type { SavedView } from '@switchboard/contracts';
import { Op } from 'sequelize';
import { accessibleWhere } from '../access/accessible-where.js';
import type { Actor } from '../common/actor.js';
import { DomainError } from '../common/domain-error.js';
import { UserModel } from '../users/user.model.js';
import { SavedViewModel } from './saved-view.model.js';

const toView = (v: SavedViewModel): SavedView => ({
  id: v.id,
  name: v.name,
  filters: v.filters ?? {},
  shared: v.shared,
  ownerId: v.ownerId,
  ownerName: v.owner?.name ?? '',
});

const notFound = (id: number) => new DomainError('not_found', 'VIEW_NOT_FOUND', `View ${id} was not found`);
const asSubject = (v: SavedViewModel) => subject('SavedView', { ownerId: v.ownerId, shared: v.shared } as never);

/**
 * Saved queue views. Small enough for one service: list, save, delete, each checking the ability
 * (lists in SQL, rows after loading).
 */
@Injectable()
export class ViewsService {
  constructor(@InjectModel(SavedViewModel) private readonly views: typeof SavedViewModel) {}

  async list(actor: Actor): Promise<SavedView[]> {
    const visible = accessibleWhere(actor.ability, 'read', 'SavedView');
    if (visible === null) return [];
    const rows = await this.views.findAll({ where: visible, include: [{ model: UserModel, attributes: ['id', 'name'] }], order: [['name', 'ASC']] });
    return rows.map(toView);
  }

  async save(actor: Actor, input: { id?: number; name: string; filters: Record<string, unknown>; shared: boolean }): Promise<SavedView> {
    let view: SavedViewModel | null;
    if (input.id) {
      view = await this.views.findByPk(input.id);
      if (!view || actor.ability.cannot('read', asSubject(view))) throw notFound(input.id);
      if (actor.ability.cannot('update', asSubject(view))) throw new DomainError('forbidden', 'VIEW_FORBIDDEN', 'Only its owner may change a view');
      await view.update({ name: input.name, filters: input.filters, shared: input.shared });
    } else {
      if (actor.ability.cannot('create', 'SavedView')) throw new DomainError('forbidden', 'VIEW_FORBIDDEN', 'You may not save views');
      view = await this.views.create({ ownerId: actor.user.id, name: input.name, filters: input.filters, shared: input.shared });
    }
    const saved = await this.views.findByPk(view.id, { include: [{ model: UserModel, attributes: ['id', 'name'] }] });
    return toView(saved!);
  }

  async remove(actor: Actor, id: number) {
    const view = await this.views.findByPk(id);
    if (!view || actor.ability.cannot('read', asSubject(view))) throw notFound(id);
    if (actor.ability.cannot('update', asSubject(view))) throw new DomainError('forbidden', 'VIEW_FORBIDDEN', 'Only its owner may delete a view');
    await this.views.destroy({ where: { id: { [Op.eq]: id } } });
    return { ok: true as const };
  }
}
