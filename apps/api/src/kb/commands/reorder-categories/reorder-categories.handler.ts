import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { KbCategory } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { DomainError } from '../../../common/domain-error.js';
import { KbCategoryRepository } from '../../kb-category.repository.js';
import { KbErrors } from '../../kb.errors.js';
import { ReorderCategoriesCommand } from './reorder-categories.command.js';

@CommandHandler(ReorderCategoriesCommand)
export class ReorderCategoriesHandler implements ICommandHandler<ReorderCategoriesCommand, KbCategory[]> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly categories: KbCategoryRepository,
    private readonly audit: AuditRepository,
  ) {}

  async execute({ actor, parentId, ids }: ReorderCategoriesCommand): Promise<KbCategory[]> {
    if (actor.ability.cannot('update', 'KbCategory')) {
      throw new DomainError('forbidden', 'KB_CATEGORY_FORBIDDEN', `Your role (${actor.user.role}) may not reorder categories`);
    }
    return this.sequelize.transaction(async (transaction) => {
      const all = await this.categories.all(transaction, true);
      if (parentId !== null && !all.some((c) => c.id === parentId)) throw KbErrors.categoryNotFound(parentId, 'parentId');
      const siblings = all.filter((c) => c.parentId === parentId);
      // The whole set, each once: a stale page (a sibling added or moved meanwhile) is refused, not half applied.
      const same = ids.length === siblings.length && new Set(ids).size === ids.length && siblings.every((c) => ids.includes(c.id));
      if (!same) {
        throw new DomainError('conflict', 'KB_CATEGORY_ORDER_STALE', 'ids: must list every category at that level once; reload and try again', 'ids');
      }
      const before = siblings.map((c) => c.id);
      for (const [position, id] of ids.entries()) await this.categories.setPosition(id, position, transaction);
      await this.audit.record(
        actor,
        { action: 'kb.category.reordered', subjectType: 'KbCategory', subjectId: parentId ?? 0, before: { order: before }, after: { order: ids } },
        transaction,
      );
      return (await this.categories.all(transaction)).filter((c) => c.parentId === parentId);
    });
  }
}
