import { Command } from '@nestjs/cqrs';
import type { BulkUpdateResult } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';
import type { UpdateTicketData } from '../update-ticket/update-ticket.command.js';

/** One change for many tickets; applied as one UpdateTicketCommand per ticket. */
export class BulkUpdateTicketsCommand extends Command<BulkUpdateResult> {
  constructor(
    readonly actor: Actor,
    readonly ids: number[],
    readonly changes: Omit<UpdateTicketData, 'version' | 'tags' | 'customFields'>,
  ) {
    super();
  }
}
