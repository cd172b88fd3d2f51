import { Command } from '@nestjs/cqrs';
import type { Channel, CustomFieldValue, Ticket } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export interface CreateTicketData {
  subject: string;
  description: string;
  urgency: Ticket['urgency'];
  importance: Ticket['importance'];
  issueTypeId?: number | null;
  categoryId?: number | null;
  tags?: string[];
  customFields?: Record<string, CustomFieldValue>;
  /** Uploads to attach to the ticket's first message. */
  attachmentIds?: number[];
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
