import { Query } from '@nestjs/cqrs';
import type { ListTicketsInput, TicketPage } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export type TicketFilter = ListTicketsInput & { page: number; pageSize: number; sort: NonNullable<ListTicketsInput['sort']>; direction: 'asc' | 'desc' };

export class ListTicketsQuery extends Query<TicketPage> {
  constructor(
    readonly actor: Actor,
    readonly filter: TicketFilter,
  ) {
    super();
  }
}
