import { Command } from '@nestjs/cqrs';
import type { KbEditableArticle } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

/** "Create article from this ticket": a draft with the question and the public answers of a resolved ticket. */
export class DraftFromTicketCommand extends Command<KbEditableArticle> {
  constructor(
    readonly actor: Actor,
    readonly ticketId: number,
    readonly categoryId: number,
  ) {
    super();
  }
}
