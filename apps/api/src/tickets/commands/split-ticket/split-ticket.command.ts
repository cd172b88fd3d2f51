import { Command } from '@nestjs/cqrs';
import type { Ticket } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

/** One customer message of a ticket becomes the first message of a new, linked ticket. */
export class SplitTicketCommand extends Command<Ticket> {
  constructor(
    readonly actor: Actor,
    readonly ticketId: number,
    readonly entryId: number,
    readonly subject?: string,
    /** Shown to staff on both timelines next to the split. */
    readonly reason: string | null = null,
  ) {
    super();
  }
}
