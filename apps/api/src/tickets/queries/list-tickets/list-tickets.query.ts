import { Query } from '@nestjs/cqrs';
import type { Level, TicketPage, TicketStatus } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export interface TicketFilter {
  status?: TicketStatus;
  urgency?: Level;
  importance?: Level;
  page: number;
  pageSize: number;
}

export class ListTicketsQuery extends Query<TicketPage> {
  constructor(
    readonly actor: Actor,
    readonly filter: TicketFilter,
  ) {
    super();
  }
}
