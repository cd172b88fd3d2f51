import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { SequelizeModule } from '@nestjs/sequelize';
import { EmailTransportModule } from '../channels/email/outbound/email-transport.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { LocalMailer } from './local-mailer.js';
import { NotificationsRouter } from './notifications.router.js';
import { OutboundMessageModel } from './outbound-message.model.js';
import { OutboundMessageRepository } from './outbound-message.repository.js';
import { ListOutboundMessagesHandler } from './queries/list-outbound-messages/list-outbound-messages.handler.js';

@Module({
  imports: [CqrsModule, SequelizeModule.forFeature([OutboundMessageModel]), OutboxModule, EmailTransportModule],
  providers: [OutboundMessageRepository, NotificationsRouter, ListOutboundMessagesHandler, LocalMailer],
  exports: [NotificationsRouter, LocalMailer, EmailTransportModule],
})
export class NotificationsModule {}
