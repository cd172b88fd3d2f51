import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { KbRatings } from '@switchboard/contracts';
import { ArticleWriter } from '../../article-writer.js';
import { KbArticleRepository } from '../../kb-article.repository.js';
import { KbFeedbackRepository } from '../../kb-feedback.repository.js';
import { ArticleRatingsQuery } from './article-ratings.query.js';

@QueryHandler(ArticleRatingsQuery)
export class ArticleRatingsHandler implements IQueryHandler<ArticleRatingsQuery, KbRatings> {
  constructor(
    private readonly articles: KbArticleRepository,
    private readonly feedback: KbFeedbackRepository,
    private readonly writer: ArticleWriter,
  ) {}

  async execute({ actor, id, limit }: ArticleRatingsQuery): Promise<KbRatings> {
    const row = await this.articles.byId(id);
    this.writer.assertCanUpdate(actor, row, id);
    return {
      stats: { views: row.viewCount, helpful: row.helpfulCount, unhelpful: row.unhelpfulCount, deflections: row.deflectionCount },
      items: await this.feedback.ratings(id, limit),
    };
  }
}
