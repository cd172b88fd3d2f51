import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { RealtimeCoreModule } from './realtime-core.module.js';
import { TicketEventsPublisher } from './ticket-events.publisher.js';

/**
 * Ticket events onto the live event log. In the api and in the worker: changes the worker makes
 * (auto-close) reach the subscribers of every api process the same way.
 */
@Module({
  imports: [CqrsModule, RealtimeCoreModule],
  providers: [TicketEventsPublisher],
})
export class RealtimePublishingModule {}
