import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from '../../audit/audit.module.js';
import { OutboxModule } from '../../outbox/outbox.module.js';
import { TicketsModule } from '../../tickets/tickets.module.js';
import { UsersModule } from '../../users/users.module.js';
import { CallBackHandler } from './commands/call-back/call-back.handler.js';
import { RequestCallbackHandler } from './commands/request-callback/request-callback.handler.js';
import { SendWhatsappTemplateHandler } from './commands/send-whatsapp-template/send-whatsapp-template.handler.js';
import { WhatsappTemplatesService } from './whatsapp-templates.service.js';
import { CustomerPhonesRepository } from './customer-phones.repository.js';
import { DeliveryReports } from './delivery-reports.js';
import { PhoneRouter } from './phone.router.js';
import { TwilioClient } from './twilio-client.js';
import { TwilioDeliveriesRepository } from './twilio-deliveries.repository.js';
import { TwilioInboundRepository } from './twilio-inbound.repository.js';
import { TwilioMessagingController } from './twilio-messaging.controller.js';
import { TwilioSignature } from './twilio-signature.js';
import { TwilioVoiceController } from './twilio-voice.controller.js';
import { VoiceRoutingRepository } from './voice-routing.repository.js';

/**
 * The API's side of Twilio: the signed webhooks (store what Twilio sent, answer at once) and the
 * phone procedures (request a callback, call a customer back). Exports the router for the app router.
 */
import { UpdateTwilioSettingsHandler } from './commands/update-twilio-settings/update-twilio-settings.handler.js';
import { GetTwilioSettingsHandler } from './queries/get-twilio-settings/get-twilio-settings.handler.js';
import { TwilioSettingsRepository } from './twilio-settings.repository.js';

@Module({
  imports: [CqrsModule, OutboxModule, AuditModule, UsersModule, TicketsModule],
  controllers: [TwilioMessagingController, TwilioVoiceController],
  providers: [
    TwilioClient,
    TwilioSettingsRepository,
    GetTwilioSettingsHandler,
    UpdateTwilioSettingsHandler,
    TwilioSignature,
    TwilioInboundRepository,
    TwilioDeliveriesRepository,
    CustomerPhonesRepository,
    DeliveryReports,
    PhoneRouter,
    RequestCallbackHandler,
    CallBackHandler,
    VoiceRoutingRepository,
    WhatsappTemplatesService,
    SendWhatsappTemplateHandler,
  ],
  exports: [PhoneRouter],
})
export class TwilioModule {}
