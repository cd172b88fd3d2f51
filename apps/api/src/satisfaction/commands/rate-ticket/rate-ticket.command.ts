import { Command } from '@nestjs/cqrs';
import type { SatisfactionRating } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

/** The requester rates their resolved or closed ticket from the portal. */
export class RateTicketCommand extends Command<SatisfactionRating> {
  constructor(
    readonly actor: Actor,
    readonly ticketId: number,
    readonly rating: number,
    readonly comment: string | undefined,
  ) {
    super();
  }
}
