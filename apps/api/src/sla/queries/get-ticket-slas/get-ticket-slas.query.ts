import { Query } from '@nestjs/cqrs';
import type { TicketSla } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

/** The SLA of each listed ticket the actor may read (unreadable or unknown ids are left out). */
export class GetTicketSlasQuery extends Query<TicketSla[]> {
  constructor(
    readonly actor: Actor,
    readonly ticketIds: number[],
  ) {
    super();
  }
}
