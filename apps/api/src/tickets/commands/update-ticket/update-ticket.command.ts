import { Command } from '@nestjs/cqrs';
import type { Level, Ticket, TicketStatus } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export interface UpdateTicketData {
  status?: TicketStatus;
  urgency?: Level;
  importance?: Level;
  /** The version the caller read; absent means last-write-wins. */
  version?: number;
}

export class UpdateTicketCommand extends Command<Ticket> {
  constructor(
    readonly actor: Actor,
    readonly ticketId: number,
    readonly data: UpdateTicketData,
  ) {
    super();
  }
}
