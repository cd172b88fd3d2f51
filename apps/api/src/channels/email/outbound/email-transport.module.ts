import { Module } from '@nestjs/common';
import { SendgridTransport } from './sendgrid-transport.js';

/** The SendGrid transport alone, for the notifications module's LocalMailer (no other email-channel code). */
@Module({
  providers: [SendgridTransport],
  exports: [SendgridTransport],
})
export class EmailTransportModule {}
