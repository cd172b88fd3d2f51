import { Command } from '@nestjs/cqrs';
import type { Channel, CustomFieldValue, Ticket } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';
import type { EntryOrigin } from '../../entry-origin.js';

export interface CreateTicketData {
  subject: string;
  description: string;
  /** Formatted first message (sanitized, wins over `description` for the entry; see entry-body.ts). */
  descriptionHtml?: string;
  urgency: Ticket['urgency'];
  importance: Ticket['importance'];
  issueTypeId?: number | null;
  categoryId?: number | null;
  tags?: string[];
  customFields?: Record<string, CustomFieldValue>;
  /** Uploads to attach to the ticket's first message. */
  attachmentIds?: number[];
  /** What a channel delivered (see entry-origin.ts): the same delivery cannot open a second ticket; a call makes the first entry a 'call'. */
  origin?: EntryOrigin;
}

export class CreateTicketCommand extends Command<Ticket> {
  constructor(
    readonly actor: Actor,
    readonly data: CreateTicketData,
    readonly channel: Channel,
  ) {
    super();
  }
}
