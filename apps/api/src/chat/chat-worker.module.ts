import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { SequelizeModule } from '@nestjs/sequelize';
import { ChannelsModule } from '../channels/channels.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { OUTBOX_QUEUE } from '../outbox/outbox.topics.js';
import { RealtimeCoreModule } from '../realtime/realtime-core.module.js';
import { ChatAbandonJob } from './chat-abandon.job.js';
import { ChatEnding } from './chat-ending.js';
import { ChatFollowUpNotifier } from './chat-follow-up.notifier.js';
import { ChatLive } from './chat-live.js';
import { ChatListPublisher } from './chat-list.publisher.js';
import { ChatReplySender } from './chat-reply.sender.js';
import { ChatSessionModel } from './chat-session.model.js';
import { ChatSessionRepository } from './chat-session.repository.js';

/** The worker's side of chat: timeouts (abandoned, no agent), the follow-up email, replies on chat tickets. */
@Module({
  imports: [
    CqrsModule,
    SequelizeModule.forFeature([ChatSessionModel]),
    ChannelsModule,
    NotificationsModule,
    OutboxModule,
    RealtimeCoreModule,
    BullModule.registerQueue({ name: OUTBOX_QUEUE }),
  ],
  providers: [ChatSessionRepository, ChatLive, ChatListPublisher, ChatEnding, ChatAbandonJob, ChatFollowUpNotifier, ChatReplySender],
})
export class ChatWorkerModule {}
