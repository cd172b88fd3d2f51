import { Command } from '@nestjs/cqrs';
import type { Ticket } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

/** The requester (or staff) reopens a resolved ticket: it goes back to open. */
export class ReopenTicketCommand extends Command<Ticket> {
  constructor(
    readonly actor: Actor,
    readonly ticketId: number,
    readonly version?: number,
  ) {
    super();
  }
}
