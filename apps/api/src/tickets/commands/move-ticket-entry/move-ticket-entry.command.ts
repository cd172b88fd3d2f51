import { Command } from '@nestjs/cqrs';
import type { Ticket } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

/** One customer message (e.g. an email that threaded onto the wrong ticket) moves to another existing ticket. */
export class MoveTicketEntryCommand extends Command<Ticket> {
  constructor(
    readonly actor: Actor,
    readonly ticketId: number,
    readonly entryId: number,
    readonly targetId: number,
    /** Shown to staff on both timelines next to the move. */
    readonly reason: string | null = null,
  ) {
    super();
  }
}
