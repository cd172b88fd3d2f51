import { Command } from '@nestjs/cqrs';
import type { Channel, Ticket } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export interface CreateTicketData {
  subject: string;
  description: string;
  urgency: Ticket['urgency'];
  importance: Ticket['importance'];
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
