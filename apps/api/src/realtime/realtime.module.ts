import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { InboxModule } from '../inbox/inbox.module.js';
import { ChatLists } from './chat-lists.js';
import { LiveRouter } from './live.router.js';
import { ReadReceiptsRepository } from './read-receipts.repository.js';
import { RealtimeCoreModule } from './realtime-core.module.js';
import { RealtimePublishingModule } from './realtime-publishing.module.js';

/** Live updates: ticket events onto the event log (RealtimePublishingModule), and the `live.*` subscriptions. */
@Module({
  imports: [CqrsModule, RealtimeCoreModule, RealtimePublishingModule, InboxModule],
  providers: [LiveRouter, ReadReceiptsRepository, ChatLists],
  exports: [LiveRouter],
})
export class RealtimeModule {}
