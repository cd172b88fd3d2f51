import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { KbEditableArticle } from '@switchboard/contracts';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { ArticleWriter } from '../../article-writer.js';
import { KbArticleRepository } from '../../kb-article.repository.js';
import { KbErrors } from '../../kb.errors.js';
import { toEditable } from '../../kb.mapper.js';
import { CreateArticleCommand } from './create-article.command.js';

@CommandHandler(CreateArticleCommand)
export class CreateArticleHandler implements ICommandHandler<CreateArticleCommand, KbEditableArticle> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly articles: KbArticleRepository,
    private readonly writer: ArticleWriter,
  ) {}

  async execute({ actor, input }: CreateArticleCommand): Promise<KbEditableArticle> {
    if (actor.ability.cannot('create', 'KbArticle')) throw KbErrors.articleNotFound('new');
    return this.sequelize.transaction(async (transaction) => {
      let translationOf: number | null = null;
      if (input.translationOf) {
        const original = await this.articles.byId(input.translationOf, transaction, true);
        this.writer.assertCanUpdate(actor, original, input.translationOf);
        // Translations hang off the original, never off another translation.
        translationOf = original.translationOf ?? original.id;
        const clash = await this.sequelize.query(
          'SELECT id FROM kb_articles WHERE (id = ? OR translation_of = ?) AND locale = ?',
          { replacements: [translationOf, translationOf, input.locale], type: QueryTypes.SELECT, transaction },
        );
        if (clash.length > 0) throw KbErrors.translationExists(input.locale);
      }
      const content = await this.writer.content(input, null, transaction);
      const id = await this.articles.insert(content, { locale: input.locale, translationOf, authorId: actor.user.id }, transaction);
      await this.writer.saved(actor, id, content, null, 'kb.article.created', null, transaction);
      return toEditable((await this.articles.byId(id, transaction))!);
    });
  }
}
