import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OUTBOX_QUEUE } from '../outbox/outbox.topics.js';
import { CompanyInvitedNotifier } from '../companies/company-invited.notifier.js';
import { StaffInvitedNotifier } from '../people/staff-invited.notifier.js';
import { CriticalTicketNotifier } from './critical-ticket.notifier.js';
import { RoutingReconciliationJob } from './routing-reconciliation.job.js';
import { RoutingModule } from './routing.module.js';

/** The worker's part of people and routing: the periodic queue reconciliation and the emails (staff and company invitations too). */
@Module({
  imports: [CqrsModule, RoutingModule, NotificationsModule, BullModule.registerQueue({ name: OUTBOX_QUEUE })],
  providers: [RoutingReconciliationJob, CriticalTicketNotifier, StaffInvitedNotifier, CompanyInvitedNotifier],
})
export class RoutingWorkerModule {}
