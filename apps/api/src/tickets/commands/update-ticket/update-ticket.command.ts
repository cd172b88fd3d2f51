import { Command } from '@nestjs/cqrs';
import type { CustomFieldValue, Level, Ticket, TicketStatus } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export interface UpdateTicketData {
  status?: TicketStatus;
  urgency?: Level;
  importance?: Level;
  issueTypeId?: number | null;
  categoryId?: number | null;
  /** null unassigns. */
  assigneeId?: number | null;
  teamId?: number | null;
  /** The full tag list. */
  tags?: string[];
  addTags?: string[];
  removeTags?: string[];
  customFields?: Record<string, CustomFieldValue>;
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
