import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import { SlaClock } from '../sla-clock.js';
import type { TargetRow } from '../target-revision.js';
import { SLA_TIMERS_QUEUE, type SlaTimerJob, type SlaTimerKind } from './sla-timers.queue.js';

/**
 * Plans the delayed jobs that fire warnings and breaches on time. Only an optimisation: the due times are
 * columns in MySQL and the reconciliation job finds whatever a lost job missed, so a failure here is logged,
 * never thrown. A job whose target moved meanwhile finds nothing to do (the UPDATE's WHERE checks the time).
 */
@Injectable()
export class SlaTimersProducer {
  private readonly logger = new Logger(SlaTimersProducer.name);

  constructor(
    @InjectQueue(SLA_TIMERS_QUEUE) private readonly queue: Queue<SlaTimerJob>,
    private readonly clock: SlaClock,
  ) {}

  async plan(targets: TargetRow[]) {
    const jobs: [number, SlaTimerKind, Date][] = [];
    for (const t of targets) {
      if (!t.id) continue;
      if (t.activeWarnAt) jobs.push([t.id, 'warn', t.activeWarnAt]);
      if (t.activeDueAt && !t.breachedAt) jobs.push([t.id, 'breach', t.activeDueAt]);
    }
    try {
      const now = this.clock.now().getTime();
      for (const [targetId, kind, at] of jobs) {
        await this.queue.add(
          { targetId, kind, at: at.getTime() },
          {
            jobId: `sla:${targetId}:${kind}:${at.getTime()}`,
            delay: Math.max(0, at.getTime() - now),
            attempts: 5,
            backoff: { type: 'exponential', delay: 1000 },
            removeOnComplete: 1000,
            removeOnFail: 5000,
          },
        );
      }
    } catch (error) {
      this.logger.warn(`could not plan SLA timers (reconciliation will catch them): ${(error as Error).message}`);
    }
  }
}
