import { Module } from '@nestjs/common';
import { EmailTemplates } from '../templates/email-templates.js';
import { SendgridTransport } from './sendgrid-transport.js';

/** What the notifications module needs of the email channel: the SendGrid transport (LocalMailer) and the editable templates. */
@Module({
  providers: [SendgridTransport, EmailTemplates],
  exports: [SendgridTransport, EmailTemplates],
})
export class EmailTransportModule {}
