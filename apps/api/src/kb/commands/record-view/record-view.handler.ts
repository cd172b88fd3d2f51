import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { KbArticleRepository } from '../../kb-article.repository.js';
import { KbFeedbackRepository } from '../../kb-feedback.repository.js';
import { requireReadable } from '../../readable-article.js';
import { RecordViewCommand } from './record-view.command.js';

@CommandHandler(RecordViewCommand)
export class RecordViewHandler implements ICommandHandler<RecordViewCommand, { ok: true }> {
  constructor(
    private readonly articles: KbArticleRepository,
    private readonly feedback: KbFeedbackRepository,
  ) {}

  async execute({ reader, id }: RecordViewCommand) {
    const row = requireReadable(reader, await this.articles.byId(id), id);
    if (!reader.staff && row.state === 'published') await this.feedback.countView(id);
    return { ok: true as const };
  }
}
