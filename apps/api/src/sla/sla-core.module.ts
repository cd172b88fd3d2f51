import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { SLA_TIMERS_QUEUE } from './jobs/sla-timers.queue.js';
import { SlaTimersProducer } from './jobs/sla-timers.producer.js';
import { SlaClock } from './sla-clock.js';
import { SlaRepository } from './sla.repository.js';
import { SlaSync } from './sla-sync.service.js';

/** What the api and the worker share: one clock, the repository, the sync and the timer producer. */
@Module({
  imports: [BullModule.registerQueue({ name: SLA_TIMERS_QUEUE })],
  providers: [SlaClock, SlaRepository, SlaSync, SlaTimersProducer],
  exports: [SlaClock, SlaRepository, SlaSync, SlaTimersProducer],
})
export class SlaCoreModule {}
