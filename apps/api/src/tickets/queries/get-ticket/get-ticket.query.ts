import { Query } from '@nestjs/cqrs';
import type { Ticket } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export class GetTicketQuery extends Query<Ticket> {
  constructor(
    readonly actor: Actor,
    readonly ticketId: number,
  ) {
    super();
  }
}
