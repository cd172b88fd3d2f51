import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { NotificationPreferencesModule } from '../inbox/preferences/notification-preferences.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { OUTBOX_QUEUE } from '../outbox/outbox.topics.js';
import { ChannelsModule } from './channels.module.js';
import { OutgoingReplyLoader } from './outgoing-reply.loader.js';
import { ReplyDeliveryProcessor } from './reply-delivery.processor.js';

/** The worker's side of the channels: delivers staff replies on the ticket's channel. */
@Module({
  imports: [ChannelsModule, NotificationsModule, OutboxModule, BullModule.registerQueue({ name: OUTBOX_QUEUE }), NotificationPreferencesModule],
  providers: [OutgoingReplyLoader, ReplyDeliveryProcessor],
})
export class ChannelsWorkerModule {}
