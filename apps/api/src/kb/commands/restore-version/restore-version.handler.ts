import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { KbEditableArticle } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import { ArticleWriter } from '../../article-writer.js';
import { KbArticleVersionRepository } from '../../kb-article-version.repository.js';
import { KbArticleRepository } from '../../kb-article.repository.js';
import { KbErrors } from '../../kb.errors.js';
import { toEditable } from '../../kb.mapper.js';
import { RestoreVersionCommand } from './restore-version.command.js';

@CommandHandler(RestoreVersionCommand)
export class RestoreVersionHandler implements ICommandHandler<RestoreVersionCommand, KbEditableArticle> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly articles: KbArticleRepository,
    private readonly versions: KbArticleVersionRepository,
    private readonly writer: ArticleWriter,
  ) {}

  async execute({ actor, id, number, version }: RestoreVersionCommand): Promise<KbEditableArticle> {
    return this.sequelize.transaction(async (transaction) => {
      const row = await this.articles.byId(id, transaction, true);
      this.writer.assertCanUpdate(actor, row, id);
      if (Number(row.version) !== version) throw KbErrors.stale(await this.writer.lastEditor(row.id, transaction));
      const old = await this.versions.version(id, number);
      if (!old) throw KbErrors.versionNotFound(number);
      await this.writer.assertCanChangeLive(actor, row, old.categoryId, transaction);
      const content = await this.writer.content(
        { categoryId: old.categoryId, title: old.title, bodyMd: old.bodyMd, tags: old.tags, visibility: old.visibility, companyId: old.companyId, slug: row.slug },
        row.id,
        transaction,
      );
      if (!(await this.articles.updateContent(row.id, version, content, row.locale, actor.user.id, transaction))) {
        throw KbErrors.stale(await this.writer.lastEditor(row.id, transaction));
      }
      await this.writer.saved(actor, row.id, content, row, 'kb.article.restored', `Restored version ${number}`, transaction);
      return toEditable((await this.articles.byId(row.id, transaction))!);
    });
  }
}
