import { Query } from '@nestjs/cqrs';
import type { TicketAudit } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export class TicketAuditQuery extends Query<TicketAudit> {
  constructor(
    readonly actor: Actor,
    readonly ticketId: number,
  ) {
    super();
  }
}
