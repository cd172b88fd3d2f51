import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from '../audit/audit.module.js';
import { InboxFeedModule } from '../inbox/inbox-feed.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { UsersModule } from '../users/users.module.js';
import { DrainTeamQueueHandler } from './commands/drain-team-queue/drain-team-queue.handler.js';
import { ReleaseAgentTicketsHandler } from './commands/release-agent-tickets/release-agent-tickets.handler.js';
import { RouteTicketHandler } from './commands/route-ticket/route-ticket.handler.js';
import { SetRoutingRuleHandler } from './commands/set-routing-rule/set-routing-rule.handler.js';
import { CriticalTicketAlerter } from './critical-ticket.alerter.js';
import { ListRoutingRulesHandler } from './queries/list-routing-rules/list-routing-rules.handler.js';
import { RoutingRuleRepository } from './routing-rule.repository.js';
import { RoutingClock } from './routing-clock.js';
import { RoutingRepository } from './routing.repository.js';
import { RoutingRouter } from './routing.router.js';
import { RoutingSaga } from './routing.saga.js';
import { TicketRouter } from './ticket-router.js';

/** Who gets which ticket (docs/decisions/010-people-and-routing.md). Runs in the api (saga) and the worker (reconciliation). */
@Module({
  imports: [CqrsModule, AuditModule, OutboxModule, UsersModule, InboxFeedModule],
  providers: [
    RoutingRepository,
    RoutingRuleRepository,
    TicketRouter,
    RoutingSaga,
    RouteTicketHandler,
    DrainTeamQueueHandler,
    SetRoutingRuleHandler,
    ReleaseAgentTicketsHandler,
    ListRoutingRulesHandler,
    CriticalTicketAlerter,
    RoutingRouter,
    RoutingClock,
  ],
  exports: [RoutingRouter, RoutingRepository],
})
export class RoutingModule {}
