import { Query } from '@nestjs/cqrs';
import type { TicketRating } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export class GetTicketRatingQuery extends Query<TicketRating> {
  constructor(
    readonly actor: Actor,
    readonly ticketId: number,
  ) {
    super();
  }
}
