import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { KbCategory } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { DomainError } from '../../../common/domain-error.js';
import { slugify } from '../../content/slug.js';
import { KbCategoryRepository, trail } from '../../kb-category.repository.js';
import { KbErrors } from '../../kb.errors.js';
import { SaveCategoryCommand } from './save-category.command.js';

@CommandHandler(SaveCategoryCommand)
export class SaveCategoryHandler implements ICommandHandler<SaveCategoryCommand, KbCategory> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly categories: KbCategoryRepository,
    private readonly audit: AuditRepository,
  ) {}

  async execute({ actor, input }: SaveCategoryCommand): Promise<KbCategory> {
    const action = input.id ? 'update' : 'create';
    if (actor.ability.cannot(action, 'KbCategory')) {
      throw new DomainError('forbidden', 'KB_CATEGORY_FORBIDDEN', `Your role (${actor.user.role}) may not ${action} categories`);
    }
    return this.sequelize.transaction(async (transaction) => {
      const all = await this.categories.all(transaction);
      const before = input.id ? all.find((c) => c.id === input.id) : null;
      if (input.id && !before) throw KbErrors.categoryNotFound(input.id, 'id');
      if (input.parentId !== null) {
        if (!all.some((c) => c.id === input.parentId)) throw KbErrors.categoryNotFound(input.parentId, 'parentId');
        if (input.id && trail(all, input.parentId).some((c) => c.id === input.id)) throw KbErrors.categoryCycle();
      }
      const slug = input.slug ?? before?.slug ?? slugify(input.name);
      if (await this.categories.slugTaken(slug, input.id ?? null, transaction)) throw KbErrors.slugTaken(slug);
      const values = {
        parentId: input.parentId,
        name: input.name,
        slug,
        description: input.description,
        position: input.position,
        publishRole: input.publishRole,
      };
      const id = input.id ?? (await this.categories.insert(values, transaction));
      if (input.id) await this.categories.update({ id, ...values }, transaction);
      await this.audit.record(
        actor,
        { action: `kb.category.${input.id ? 'updated' : 'created'}`, subjectType: 'KbCategory', subjectId: id, before: before ?? null, after: values },
        transaction,
      );
      return (await this.categories.byId(id, transaction))!;
    });
  }
}
