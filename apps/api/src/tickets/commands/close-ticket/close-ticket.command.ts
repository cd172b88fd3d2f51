import { Command } from '@nestjs/cqrs';
import type { Ticket } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

/** The requester (or staff) closes a ticket that is not closed yet. */
export class CloseTicketCommand extends Command<Ticket> {
  constructor(
    readonly actor: Actor,
    readonly ticketId: number,
    readonly version?: number,
  ) {
    super();
  }
}
