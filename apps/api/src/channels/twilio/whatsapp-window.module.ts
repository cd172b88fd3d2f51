import { Module } from '@nestjs/common';
import { WhatsappWindow } from './whatsapp-window.js';

/** The one Twilio rule the tickets module needs: may a free-form WhatsApp reply be sent now? */
@Module({
  providers: [WhatsappWindow],
  exports: [WhatsappWindow],
})
export class WhatsappWindowModule {}
