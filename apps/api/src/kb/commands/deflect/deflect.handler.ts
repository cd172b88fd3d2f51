import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Sequelize } from 'sequelize-typescript';
import { KbArticleRepository } from '../../kb-article.repository.js';
import { KbFeedbackRepository } from '../../kb-feedback.repository.js';
import { requireReadable } from '../../readable-article.js';
import { DeflectCommand } from './deflect.command.js';

@CommandHandler(DeflectCommand)
export class DeflectHandler implements ICommandHandler<DeflectCommand, { ok: true; slug: string }> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly articles: KbArticleRepository,
    private readonly feedback: KbFeedbackRepository,
  ) {}

  async execute({ reader, articleId, query }: DeflectCommand) {
    const row = requireReadable(reader, await this.articles.byId(articleId), articleId);
    await this.sequelize.transaction((transaction) => this.feedback.deflect(articleId, query, reader.userId, transaction));
    return { ok: true as const, slug: row.slug };
  }
}
