import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { EmailTransportModule } from '../channels/email/outbound/email-transport.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { OUTBOX_QUEUE } from '../outbox/outbox.topics.js';
import { RatingLinkSigner } from './rating-link.signer.js';
import { RatingRequestNotifier } from './rating-request.notifier.js';
import { SatisfactionRepository } from './satisfaction.repository.js';
import { TicketResolvedHandler } from './ticket-resolved.handler.js';

/**
 * The worker's half: the rating request email, and the same "resolved -> ask for a rating" reaction for
 * tickets the worker itself changes.
 */
@Module({
  imports: [NotificationsModule, EmailTransportModule, OutboxModule, BullModule.registerQueue({ name: OUTBOX_QUEUE })],
  providers: [RatingLinkSigner, RatingRequestNotifier, SatisfactionRepository, TicketResolvedHandler],
})
export class SatisfactionWorkerModule {}
