import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { KbEditableArticle } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import { ArticleWriter } from '../../article-writer.js';
import { tagsOf } from '../../kb-article-row.js';
import { KbArticleRepository } from '../../kb-article.repository.js';
import { KbErrors } from '../../kb.errors.js';
import { toEditable } from '../../kb.mapper.js';
import { UpdateArticleCommand } from './update-article.command.js';

@CommandHandler(UpdateArticleCommand)
export class UpdateArticleHandler implements ICommandHandler<UpdateArticleCommand, KbEditableArticle> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly articles: KbArticleRepository,
    private readonly writer: ArticleWriter,
  ) {}

  async execute({ actor, input }: UpdateArticleCommand): Promise<KbEditableArticle> {
    return this.sequelize.transaction(async (transaction) => {
      const row = await this.articles.byId(input.id, transaction, true);
      this.writer.assertCanUpdate(actor, row, input.id);
      if (Number(row.version) !== input.version) throw KbErrors.stale(await this.writer.lastEditor(row.id, transaction));
      await this.writer.assertCanChangeLive(actor, row, input.categoryId ?? row.categoryId, transaction);
      const content = await this.writer.content(
        {
          categoryId: input.categoryId ?? row.categoryId,
          title: input.title ?? row.title,
          bodyMd: input.bodyMd ?? row.bodyMd,
          tags: input.tags ?? tagsOf(row),
          visibility: input.visibility ?? row.visibility,
          companyId: input.companyId !== undefined ? input.companyId : row.companyId,
          // The URL stays unless the editor changes it: links out there keep working.
          slug: input.slug ?? row.slug,
        },
        row.id,
        transaction,
      );
      if (!(await this.articles.updateContent(row.id, input.version, content, row.locale, actor.user.id, transaction))) {
        throw KbErrors.stale(await this.writer.lastEditor(row.id, transaction));
      }
      await this.writer.saved(actor, row.id, content, row, 'kb.article.updated', input.note ?? null, transaction);
      return toEditable((await this.articles.byId(row.id, transaction))!);
    });
  }
}
