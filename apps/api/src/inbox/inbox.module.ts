import { Module } from '@nestjs/common';
import { RealtimeCoreModule } from '../realtime/realtime-core.module.js';
import { CustomerRepliedHandler } from './customer-replied.handler.js';
import { InboxFeedModule } from './inbox-feed.module.js';
import { InboxRouter } from './inbox.router.js';
import { TicketAssignedHandler } from './ticket-assigned.handler.js';

/** In-app notifications: the table, the feed other modules call, and the bell's procedures. */
@Module({
  imports: [RealtimeCoreModule, InboxFeedModule],
  providers: [InboxRouter, TicketAssignedHandler, CustomerRepliedHandler],
  exports: [InboxFeedModule, InboxRouter],
})
export class InboxModule {}
