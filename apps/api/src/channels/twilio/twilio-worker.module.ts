import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AttachmentsModule } from '../../attachments/attachments.module.js';
import { OutboxModule } from '../../outbox/outbox.module.js';
import { OUTBOX_QUEUE } from '../../outbox/outbox.topics.js';
import { TicketsModule } from '../../tickets/tickets.module.js';
import { UsersModule } from '../../users/users.module.js';
import { ChannelsModule } from '../channels.module.js';
import { CustomerPhonesRepository } from './customer-phones.repository.js';
import { DeliveryReports } from './delivery-reports.js';
import { CustomerTickets } from './customer-tickets.js';
import { InboundMessageApplier } from './inbound-message.applier.js';
import { MediaFetcher } from './media-fetcher.js';
import { TwilioActor } from './twilio-actor.js';
import { TwilioCallProcessor } from './twilio-call.processor.js';
import { TwilioClient } from './twilio-client.js';
import { TwilioDeliveriesRepository } from './twilio-deliveries.repository.js';
import { TwilioInboundProcessor } from './twilio-inbound.processor.js';
import { TwilioInboundRepository } from './twilio-inbound.repository.js';
import { TwilioReplySender } from './twilio-reply.sender.js';
import { VoiceApplier } from './voice.applier.js';
import { WhatsappTemplatesService } from './whatsapp-templates.service.js';

/**
 * The worker's side of Twilio: applies stored webhooks (messages become tickets) and sends staff
 * replies on SMS and WhatsApp tickets. TicketsModule and AttachmentsModule bring the command
 * handlers it dispatches to.
 */
import { TwilioSettingsRepository } from './twilio-settings.repository.js';

@Module({
  imports: [CqrsModule, ChannelsModule, OutboxModule, UsersModule, TicketsModule, AttachmentsModule, BullModule.registerQueue({ name: OUTBOX_QUEUE })],
  providers: [
    TwilioClient,
    TwilioSettingsRepository,
    TwilioInboundRepository,
    TwilioDeliveriesRepository,
    CustomerPhonesRepository,
    DeliveryReports,
    TwilioActor,
    MediaFetcher,
    CustomerTickets,
    InboundMessageApplier,
    VoiceApplier,
    TwilioInboundProcessor,
    TwilioReplySender,
    TwilioCallProcessor,
    WhatsappTemplatesService,
  ],
})
export class TwilioWorkerModule {}
