import { Module } from '@nestjs/common';
import { SequelizeModule } from '@nestjs/sequelize';
import { OutboxModule } from '../outbox/outbox.module.js';
import { UserModel } from '../users/user.model.js';
import { RealtimeCoreModule } from '../realtime/realtime-core.module.js';
import { InboxRepository } from './inbox.repository.js';
import { NotificationFeed } from './notification-feed.service.js';
import { NotificationPreferencesModule } from './preferences/notification-preferences.module.js';
import { StaffTicketNotices } from './staff-ticket-notices.js';

/**
 * The in-app feed alone (no event handlers, no router), for modules that produce notifications in
 * either process without the inbox's event handlers and router (routing imports this).
 */
@Module({
  imports: [RealtimeCoreModule, NotificationPreferencesModule, OutboxModule, SequelizeModule.forFeature([UserModel])],
  providers: [InboxRepository, NotificationFeed, StaffTicketNotices],
  exports: [InboxRepository, NotificationFeed, NotificationPreferencesModule, StaffTicketNotices],
})
export class InboxFeedModule {}
