import { Module } from '@nestjs/common';
import { InboxFeedModule } from '../inbox/inbox-feed.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { FailedWorkAlerts } from './failed-work-alerts.js';
import { FailedWorkRepository } from './failed-work.repository.js';

/** The worker's half: the outbox queue's failure listener records attempts and alerts admins through this. */
@Module({
  imports: [OutboxModule, InboxFeedModule],
  providers: [FailedWorkRepository, FailedWorkAlerts],
  exports: [FailedWorkAlerts],
})
export class FailedWorkAlertsModule {}
