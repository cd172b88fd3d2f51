import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { FailedWorkAlertsModule } from '../failed-work/failed-work-alerts.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { OUTBOX_QUEUE } from '../outbox/outbox.topics.js';
import { NoteMentionNotifier } from './note-mention.notifier.js';
import { NotificationsModule } from './notifications.module.js';
import { TicketCreatedNotifier } from './ticket-created.notifier.js';
import { TicketMergedNotifier } from './ticket-merged.notifier.js';
import { PasswordResetNotifier } from './password-reset.notifier.js';
import { VerifyEmailNotifier } from './verify-email.notifier.js';
import { StaffTicketNotifier } from './staff-ticket.notifier.js';

/** The worker's processors that turn outbox events into messages. */
@Module({
  imports: [NotificationsModule, OutboxModule, FailedWorkAlertsModule, BullModule.registerQueue({ name: OUTBOX_QUEUE })],
  providers: [TicketCreatedNotifier, NoteMentionNotifier, TicketMergedNotifier, PasswordResetNotifier, VerifyEmailNotifier, StaffTicketNotifier],
})
export class NotificationsWorkerModule {}
