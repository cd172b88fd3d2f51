import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from '../../audit/audit.module.js';
import { RetryInboundEmailHandler } from './commands/retry-inbound-email/retry-inbound-email.handler.js';
import { RemoveSupportAddressHandler } from './commands/remove-support-address/remove-support-address.handler.js';
import { SaveSupportAddressHandler } from './commands/save-support-address/save-support-address.handler.js';
import { PreviewEmailTemplateHandler } from './queries/preview-email-template/preview-email-template.handler.js';
import { ListSupportAddressesHandler } from './queries/list-support-addresses/list-support-addresses.handler.js';
import { SaveEmailTemplateHandler } from './commands/save-email-template/save-email-template.handler.js';
import { EmailTransportModule } from './outbound/email-transport.module.js';
import { GetEmailTemplateHandler } from './queries/get-email-template/get-email-template.handler.js';
import { EmailRouter } from './email.router.js';
import { DeliveryEventsRepository } from './events/delivery-events.repository.js';
import { EventsWebhookController } from './events/events-webhook.controller.js';
import { InboundEmailQueue, INBOUND_EMAIL_QUEUE } from './inbound/inbound-email.queue.js';
import { InboundEmailRepository } from './inbound/inbound-email.repository.js';
import { EntryMovedHandler } from './inbound/entry-moved.handler.js';
import { InboundWebhookController } from './inbound/inbound-webhook.controller.js';
import { GetEntryOriginalHandler } from './queries/get-entry-original/get-entry-original.handler.js';
import { GetEntryRoutesHandler } from './queries/get-entry-routes/get-entry-routes.handler.js';
import { ListInboundEmailsHandler } from './queries/list-inbound-emails/list-inbound-emails.handler.js';
import { ThreadStore } from './threading/thread-store.js';

/** The API's side of the email channel: the Inbound Parse and Event webhooks, the inbound log for admins, and route reasons for agents. */
@Module({
  imports: [CqrsModule, AuditModule, EmailTransportModule, BullModule.registerQueue({ name: INBOUND_EMAIL_QUEUE })],
  controllers: [InboundWebhookController, EventsWebhookController],
  providers: [EntryMovedHandler, GetEntryOriginalHandler, DeliveryEventsRepository, InboundEmailRepository, InboundEmailQueue, ThreadStore, EmailRouter, ListInboundEmailsHandler, GetEntryRoutesHandler, RetryInboundEmailHandler, GetEmailTemplateHandler, SaveEmailTemplateHandler, ListSupportAddressesHandler, PreviewEmailTemplateHandler, SaveSupportAddressHandler, RemoveSupportAddressHandler],
  exports: [EmailRouter],
})
export class EmailModule {}
