import { Command } from '@nestjs/cqrs';
import type { TicketLink } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

/** Links two tickets as related (or removes that link); returns the ticket's links afterwards. */
export class LinkTicketsCommand extends Command<{ links: TicketLink[] }> {
  constructor(
    readonly actor: Actor,
    readonly ticketId: number,
    readonly otherId: number,
    readonly remove: boolean,
  ) {
    super();
  }
}
