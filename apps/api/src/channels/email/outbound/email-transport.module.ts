import { Module } from '@nestjs/common';
import { SupportAddresses } from '../addresses/support-addresses.js';
import { EmailTemplates } from '../templates/email-templates.js';
import { SendgridTransport } from './sendgrid-transport.js';

/** What the notifications module needs of the email channel: the SendGrid transport (LocalMailer), the editable templates and the support addresses mail goes out from. */
@Module({
  providers: [SendgridTransport, EmailTemplates, SupportAddresses],
  exports: [SendgridTransport, EmailTemplates, SupportAddresses],
})
export class EmailTransportModule {}
