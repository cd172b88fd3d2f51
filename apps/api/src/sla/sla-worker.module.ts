import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from '../audit/audit.module.js';
import { InboxModule } from '../inbox/inbox.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { OUTBOX_QUEUE } from '../outbox/outbox.topics.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { UsersModule } from '../users/users.module.js';
import { SlaEscalationProcessor } from './jobs/sla-escalation.processor.js';
import { SlaRecomputeProcessor } from './jobs/sla-recompute.processor.js';
import { SlaTimersProcessor } from './jobs/sla-timers.processor.js';
import { SlaAlertNotifier } from './sla-alert.notifier.js';
import { SlaCoreModule } from './sla-core.module.js';
import { SlaEnforcer } from './sla-enforcer.js';
import { SlaReconciler } from './sla-reconciler.job.js';
import { TicketSlaSaga } from './ticket-sla.saga.js';

/**
 * The worker's half: fires the delayed warning/breach jobs, reconciles every minute, emails the alerts,
 * applies escalations and settings recomputes from the outbox, and keeps SLAs in step with the changes
 * the worker itself makes (auto-close, escalations).
 */
@Module({
  imports: [
    CqrsModule,
    SlaCoreModule,
    AuditModule,
    OutboxModule,
    UsersModule,
    TicketsModule,
    NotificationsModule,
    InboxModule,
    BullModule.registerQueue({ name: OUTBOX_QUEUE }),
  ],
  providers: [TicketSlaSaga, SlaEnforcer, SlaTimersProcessor, SlaReconciler, SlaAlertNotifier, SlaEscalationProcessor, SlaRecomputeProcessor],
  exports: [SlaReconciler, SlaEnforcer],
})
export class SlaWorkerModule {}
