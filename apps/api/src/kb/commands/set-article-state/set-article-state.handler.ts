import { subject } from '@casl/ability';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { KbEditableArticle } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { ArticleWriter } from '../../article-writer.js';
import { KbArticleRepository } from '../../kb-article.repository.js';
import { KbCategoryRepository } from '../../kb-category.repository.js';
import { KbErrors } from '../../kb.errors.js';
import { toEditable } from '../../kb.mapper.js';
import { SetArticleStateCommand } from './set-article-state.command.js';

/**
 * Every state change decides what readers see, so each needs the `publish` ability on the article's
 * category (agents where the category lets agents publish, managers everywhere).
 */
@CommandHandler(SetArticleStateCommand)
export class SetArticleStateHandler implements ICommandHandler<SetArticleStateCommand, KbEditableArticle> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly articles: KbArticleRepository,
    private readonly categories: KbCategoryRepository,
    private readonly writer: ArticleWriter,
    private readonly audit: AuditRepository,
  ) {}

  async execute({ actor, id, version, state, publishAt, now }: SetArticleStateCommand): Promise<KbEditableArticle> {
    return this.sequelize.transaction(async (transaction) => {
      const row = await this.articles.byId(id, transaction, true);
      this.writer.assertCanUpdate(actor, row, id);
      const category = (await this.categories.byId(row.categoryId, transaction))!;
      if (actor.ability.cannot('publish', subject('KbCategory', { publishRole: category.publishRole }))) {
        throw KbErrors.publishForbidden(category.name);
      }
      if (Number(row.version) !== version) throw KbErrors.stale(await this.writer.lastEditor(row.id, transaction));
      if (state === 'scheduled' && (!publishAt || publishAt.getTime() <= now.getTime())) throw KbErrors.publishAtRequired();
      const at = state === 'scheduled' ? publishAt! : null;
      const publishedAt = state === 'published' ? now : null;
      if (!(await this.articles.setState(row.id, version, state, at, publishedAt, actor.user.id, transaction))) {
        throw KbErrors.stale(await this.writer.lastEditor(row.id, transaction));
      }
      await this.audit.record(
        actor,
        {
          action: `kb.article.${state}`,
          subjectType: 'KbArticle',
          subjectId: row.id,
          before: { state: row.state, publishAt: row.publishAt },
          after: { state, publishAt: at },
        },
        transaction,
      );
      return toEditable((await this.articles.byId(row.id, transaction))!);
    });
  }
}
