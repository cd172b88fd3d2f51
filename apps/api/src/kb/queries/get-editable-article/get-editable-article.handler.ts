import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { KbEditableArticle } from '@switchboard/contracts';
import { ArticleWriter } from '../../article-writer.js';
import { KbArticleRepository } from '../../kb-article.repository.js';
import { toEditable } from '../../kb.mapper.js';
import { GetEditableArticleQuery } from './get-editable-article.query.js';

@QueryHandler(GetEditableArticleQuery)
export class GetEditableArticleHandler implements IQueryHandler<GetEditableArticleQuery, KbEditableArticle> {
  constructor(
    private readonly articles: KbArticleRepository,
    private readonly writer: ArticleWriter,
  ) {}

  async execute({ actor, id }: GetEditableArticleQuery) {
    const row = await this.articles.byId(id);
    this.writer.assertCanUpdate(actor, row, id);
    return toEditable(row);
  }
}
