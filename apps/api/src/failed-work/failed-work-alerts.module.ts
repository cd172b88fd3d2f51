import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { InboxFeedModule } from '../inbox/inbox-feed.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { OUTBOX_QUEUE } from '../outbox/outbox.topics.js';
import { FailedWorkAlertMailer } from './failed-work-alert.mailer.js';
import { FailedWorkAlerts } from './failed-work-alerts.js';
import { FailedWorkRepository } from './failed-work.repository.js';

/**
 * The worker's half: the outbox queue's failure listener records attempts and alerts admins through
 * this, and the alert emails it writes are sent here (docs/decisions/026).
 */
@Module({
  imports: [OutboxModule, InboxFeedModule, NotificationsModule, BullModule.registerQueue({ name: OUTBOX_QUEUE })],
  providers: [FailedWorkRepository, FailedWorkAlerts, FailedWorkAlertMailer],
  exports: [FailedWorkAlerts],
})
export class FailedWorkAlertsModule {}
