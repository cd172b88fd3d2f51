import { Module } from '@nestjs/common';
import { RealtimeCoreModule } from '../realtime/realtime-core.module.js';
import { InboxRepository } from './inbox.repository.js';
import { InboxRouter } from './inbox.router.js';
import { NotificationFeed } from './notification-feed.service.js';
import { TicketAssignedHandler } from './ticket-assigned.handler.js';

/** In-app notifications: the table, the feed other modules call, and the bell's procedures. */
@Module({
  imports: [RealtimeCoreModule],
  providers: [InboxRepository, NotificationFeed, InboxRouter, TicketAssignedHandler],
  exports: [NotificationFeed, InboxRepository, InboxRouter],
})
export class InboxModule {}
