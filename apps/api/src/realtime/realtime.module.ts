import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { InboxModule } from '../inbox/inbox.module.js';
import { LiveRouter } from './live.router.js';
import { RealtimeCoreModule } from './realtime-core.module.js';
import { TicketEventsPublisher } from './ticket-events.publisher.js';

/** Live updates: ticket events onto the event log, and the `live.*` subscriptions. */
@Module({
  imports: [CqrsModule, RealtimeCoreModule, InboxModule],
  providers: [TicketEventsPublisher, LiveRouter],
  exports: [LiveRouter],
})
export class RealtimeModule {}
