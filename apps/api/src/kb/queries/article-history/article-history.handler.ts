import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { KbVersion } from '@switchboard/contracts';
import { ArticleWriter } from '../../article-writer.js';
import { KbArticleVersionRepository } from '../../kb-article-version.repository.js';
import { KbArticleRepository } from '../../kb-article.repository.js';
import { ArticleHistoryQuery } from './article-history.query.js';

@QueryHandler(ArticleHistoryQuery)
export class ArticleHistoryHandler implements IQueryHandler<ArticleHistoryQuery, KbVersion[]> {
  constructor(
    private readonly articles: KbArticleRepository,
    private readonly versions: KbArticleVersionRepository,
    private readonly writer: ArticleWriter,
  ) {}

  async execute({ actor, id }: ArticleHistoryQuery): Promise<KbVersion[]> {
    this.writer.assertCanUpdate(actor, await this.articles.byId(id), id);
    return (await this.versions.versions(id)).map((v) => ({
      number: v.number,
      title: v.title,
      authorId: v.authorId ?? null,
      authorName: v.authorName ?? null,
      note: v.note ?? null,
      createdAt: v.createdAt.toISOString(),
    }));
  }
}
