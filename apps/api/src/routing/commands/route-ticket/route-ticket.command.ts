import { Command } from '@nestjs/cqrs';
import type { RouteOutcome } from '../../ticket-router.js';

/** Route one ticket: give it a team if it has none, then an agent if one can take it. */
export class RouteTicketCommand extends Command<RouteOutcome | null> {
  constructor(readonly ticketId: number) {
    super();
  }
}
