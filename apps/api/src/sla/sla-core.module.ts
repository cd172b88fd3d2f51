import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { SLA_TIMERS_QUEUE } from './jobs/sla-timers.queue.js';
import { SlaTimersProducer } from './jobs/sla-timers.producer.js';
import { SlaClock } from './sla-clock.js';
import { SlaFiringRepository } from './sla-firing.repository.js';
import { SlaPolicyRepository } from './sla-policy.repository.js';
import { SlaReconciliationRepository } from './sla-reconciliation.repository.js';
import { SlaTargetRepository } from './sla-target.repository.js';
import { SlaTicketRepository } from './sla-ticket.repository.js';
import { SlaSync } from './sla-sync.service.js';

/** What the api and the worker share: one clock, the repositories, the sync and the timer producer. */
@Module({
  imports: [BullModule.registerQueue({ name: SLA_TIMERS_QUEUE })],
  providers: [SlaClock, SlaTicketRepository, SlaPolicyRepository, SlaTargetRepository, SlaFiringRepository, SlaReconciliationRepository, SlaSync, SlaTimersProducer],
  exports: [SlaClock, SlaTicketRepository, SlaPolicyRepository, SlaTargetRepository, SlaFiringRepository, SlaReconciliationRepository, SlaSync, SlaTimersProducer],
})
export class SlaCoreModule {}
