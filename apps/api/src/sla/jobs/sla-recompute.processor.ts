import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import type { Job } from 'bull';
import { OutboxRepository } from '../../outbox/outbox.repository.js';
import { OUTBOX_QUEUE, type OutboxJob } from '../../outbox/outbox.topics.js';
import { SlaReconciliationRepository } from '../sla-reconciliation.repository.js';
import { SlaSync } from '../sla-sync.service.js';

const BATCH = 200;

/**
 * Recomputes the pending due times of open tickets after a policy, a calendar or a customer's company
 * changed (an outbox row written with that change). SlaSync reads the ticket and its settings as they
 * are now and keeps met and breached outcomes, so a retry from the start after a crash changes nothing
 * twice. Tickets are walked in id order in batches; one failing ticket is logged and skipped.
 */
@Processor(OUTBOX_QUEUE)
export class SlaRecomputeProcessor {
  private readonly logger = new Logger(SlaRecomputeProcessor.name);

  constructor(
    private readonly repo: SlaReconciliationRepository,
    private readonly sync: SlaSync,
    private readonly outbox: OutboxRepository,
  ) {}

  @Process('sla.recompute')
  async handle(job: Job<OutboxJob<'sla.recompute'>>) {
    const { outboxId, payload } = job.data;
    let after = 0;
    let count = 0;
    for (;;) {
      const ids = await this.repo.openTicketsInScope(payload, after, BATCH);
      for (const id of ids) {
        try {
          await this.sync.apply(id);
          count++;
        } catch (error) {
          this.logger.error(`ticket #${id}: SLA not recomputed (${payload.reason}): ${(error as Error).message}`);
        }
      }
      if (ids.length < BATCH) break;
      after = ids[ids.length - 1];
    }
    if (count) this.logger.log(`recomputed the SLA of ${count} open ticket(s): ${payload.reason}`);
    await this.outbox.markDone(outboxId);
  }
}
