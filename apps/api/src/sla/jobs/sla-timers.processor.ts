import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { SlaClock } from '../sla-clock.js';
import { SlaEnforcer } from '../sla-enforcer.js';
import { SLA_TIMERS_QUEUE, type SlaTimerJob } from './sla-timers.queue.js';

/** Fires a planned warning or breach; the enforcer's conditional UPDATE makes a stale or repeated job a no-op. */
@Processor(SLA_TIMERS_QUEUE)
export class SlaTimersProcessor {
  constructor(
    private readonly enforcer: SlaEnforcer,
    private readonly clock: SlaClock,
  ) {}

  @Process()
  async fire(job: Job<SlaTimerJob>) {
    const now = this.clock.now();
    return job.data.kind === 'breach' ? this.enforcer.breach(job.data.targetId, now) : this.enforcer.warn(job.data.targetId, now);
  }
}
