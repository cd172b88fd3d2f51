import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Sequelize } from 'sequelize-typescript';
import { KbArticleRepository } from '../../kb-article.repository.js';
import { KbFeedbackRepository } from '../../kb-feedback.repository.js';
import { requireReadable } from '../../readable-article.js';
import { RateArticleCommand } from './rate-article.command.js';

@CommandHandler(RateArticleCommand)
export class RateArticleHandler implements ICommandHandler<RateArticleCommand, { ok: true }> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly articles: KbArticleRepository,
    private readonly feedback: KbFeedbackRepository,
  ) {}

  async execute({ reader, id, helpful, comment }: RateArticleCommand) {
    requireReadable(reader, await this.articles.byId(id), id);
    await this.sequelize.transaction((transaction) =>
      this.feedback.rate(id, helpful, comment?.trim() ? comment.trim() : null, reader.userId, transaction),
    );
    return { ok: true as const };
  }
}
