import { Module } from '@nestjs/common';
import { OutboxModule } from '../../outbox/outbox.module.js';
import { TwilioClient } from './twilio-client.js';
import { TwilioDeliveriesRepository } from './twilio-deliveries.repository.js';
import { TwilioInboundRepository } from './twilio-inbound.repository.js';
import { TwilioMessagingController } from './twilio-messaging.controller.js';
import { TwilioSignature } from './twilio-signature.js';
import { TwilioVoiceController } from './twilio-voice.controller.js';

/** The API's side of Twilio: the signed webhooks, which store what Twilio sent and answer at once. */
@Module({
  imports: [OutboxModule],
  controllers: [TwilioMessagingController, TwilioVoiceController],
  providers: [TwilioClient, TwilioSignature, TwilioInboundRepository, TwilioDeliveriesRepository],
})
export class TwilioModule {}
