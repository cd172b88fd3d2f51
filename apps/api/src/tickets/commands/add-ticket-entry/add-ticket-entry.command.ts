import { Command } from '@nestjs/cqrs';
import type { Channel, TimelineEntry } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';
import type { EntryOrigin } from '../../entry-origin.js';

/** A customer message, a public reply or an internal note on a ticket. */
export class AddTicketEntryCommand extends Command<TimelineEntry> {
  constructor(
    readonly actor: Actor,
    readonly ticketId: number,
    /** Plain text; may be empty when `bodyHtml` is given. */
    readonly body: string,
    readonly internal: boolean,
    readonly channel: Channel,
    /** Uploads to attach to the new entry; each must be the actor's own and not yet attached. */
    readonly attachmentIds: number[] = [],
    /** Formatted body; sanitized before it is stored, and wins over `body` (see entry-body.ts). */
    readonly bodyHtml?: string,
    /** What a channel delivered (see entry-origin.ts): the same delivery cannot add the entry twice; a call makes a 'call' entry. */
    readonly origin?: EntryOrigin,
  ) {
    super();
  }
}
