import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { attachmentStorageProvider } from '../../attachments/storage/storage.provider.js';
import { NotificationsModule } from '../../notifications/notifications.module.js';
import { TicketsModule } from '../../tickets/tickets.module.js';
import { UsersModule } from '../../users/users.module.js';
import { ChannelsModule } from '../channels.module.js';
import { EmailTransportModule } from './outbound/email-transport.module.js';
import { InboundEmailApplier } from './inbound/inbound-email.applier.js';
import { InboundEmailProcessor } from './inbound/inbound-email.processor.js';
import { InboundEmailQueue, INBOUND_EMAIL_QUEUE } from './inbound/inbound-email.queue.js';
import { InboundEmailReconciler } from './inbound/inbound-email.reconciler.js';
import { InboundEmailRepository } from './inbound/inbound-email.repository.js';
import { InboundSenders } from './inbound/inbound-sender.js';
import { EmailReplySender } from './outbound/email-reply.sender.js';
import { ThreadRouter } from './threading/thread-router.js';
import { ThreadStore } from './threading/thread-store.js';

/**
 * The worker's side of the email channel: applies stored inbound emails (through the tickets
 * module's commands, so TicketsModule is imported for its handlers) and sends staff replies on
 * email tickets as threaded mail.
 */
@Module({
  imports: [ChannelsModule, NotificationsModule, TicketsModule, UsersModule, EmailTransportModule, BullModule.registerQueue({ name: INBOUND_EMAIL_QUEUE })],
  providers: [
    InboundEmailRepository,
    InboundEmailQueue,
    InboundEmailApplier,
    InboundEmailProcessor,
    InboundEmailReconciler,
    InboundSenders,
    ThreadStore,
    ThreadRouter,
    EmailReplySender,
    attachmentStorageProvider,
  ],
})
export class EmailWorkerModule {}
