import { Query } from '@nestjs/cqrs';
import type { TicketLink } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export class GetTicketLinksQuery extends Query<{ links: TicketLink[] }> {
  constructor(
    readonly actor: Actor,
    readonly ticketId: number,
  ) {
    super();
  }
}
