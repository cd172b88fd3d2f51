import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { SequelizeModule } from '@nestjs/sequelize';
import { EmailTransportModule } from '../channels/email/outbound/email-transport.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { LocalMailer } from './local-mailer.js';
import { NotificationPreferencesModule } from '../inbox/preferences/notification-preferences.module.js';
import { PreferredEmail } from './preferred-email.js';
import { NotificationsRouter } from './notifications.router.js';
import { OutboundMessageModel } from './outbound-message.model.js';
import { OutboundMessageRepository } from './outbound-message.repository.js';
import { ListOutboundMessagesHandler } from './queries/list-outbound-messages/list-outbound-messages.handler.js';

@Module({
  imports: [CqrsModule, SequelizeModule.forFeature([OutboundMessageModel]), OutboxModule, EmailTransportModule, NotificationPreferencesModule],
  providers: [OutboundMessageRepository, NotificationsRouter, ListOutboundMessagesHandler, LocalMailer, PreferredEmail],
  exports: [NotificationsRouter, LocalMailer, EmailTransportModule, PreferredEmail],
})
export class NotificationsModule {}
