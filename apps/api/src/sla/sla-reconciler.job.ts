import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { SlaClock } from './sla-clock.js';
import { SlaEnforcer } from './sla-enforcer.js';
import { SlaReconciliationRepository } from './sla-reconciliation.repository.js';
import { SlaSync } from './sla-sync.service.js';

const BATCH = 200;
/** How far back to look for tickets whose creation event was lost before their SLA was written (the job runs every minute). */
const MISSING_WINDOW_MS = 86_400_000;

/**
 * Every minute: breaches and warnings that are due but were not fired (a lost delayed job, a Redis flush,
 * a worker that was down), and recent open tickets with no SLA at all. Timers are data, so this is a query
 * over indexed columns; firing twice does nothing twice.
 */
@Injectable()
export class SlaReconciler implements OnApplicationBootstrap {
  private readonly logger = new Logger(SlaReconciler.name);
  private running = false;

  constructor(
    private readonly repo: SlaReconciliationRepository,
    private readonly enforcer: SlaEnforcer,
    private readonly sync: SlaSync,
    private readonly clock: SlaClock,
  ) {}

  /** Catch up at once after downtime instead of waiting for the first minute tick. */
  onApplicationBootstrap() {
    void this.tick();
  }

  @Cron(CronExpression.EVERY_MINUTE, { name: 'sla-reconcile' })
  async tick() {
    if (this.running) return;
    this.running = true;
    try {
      await this.run();
    } catch (error) {
      this.logger.error(`SLA reconciliation failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }

  /**
   * One pass at `now`; returns what it did. Breaches first (they matter most), then warnings, then
   * tickets without an SLA. One failing target or ticket is logged and skipped, never stops the others.
   */
  async run(now = this.clock.now()) {
    const result = { synced: [] as number[], warned: [] as number[], breached: [] as number[], failed: [] as number[] };
    await this.each(() => this.repo.dueForBreach(now, BATCH), (id) => this.enforcer.breach(id, now), result.breached, result.failed);
    await this.each(() => this.repo.dueForWarning(now, BATCH), (id) => this.enforcer.warn(id, now), result.warned, result.failed);
    for (const ticketId of await this.repo.withoutSla(new Date(now.getTime() - MISSING_WINDOW_MS), BATCH)) {
      try {
        await this.sync.apply(ticketId);
        result.synced.push(ticketId);
      } catch (error) {
        this.logger.error(`ticket #${ticketId}: SLA sync failed: ${(error as Error).message}`);
      }
    }
    if (result.breached.length || result.warned.length || result.synced.length || result.failed.length) {
      this.logger.log(
        `reconciled: ${result.breached.length} breach(es), ${result.warned.length} warning(s), ${result.synced.length} ticket(s) without SLA, ${result.failed.length} failure(s)`,
      );
    }
    return result;
  }

  /** Batches until a batch is short, or makes no progress (only failures left: the next minute retries them). */
  private async each(batch: () => Promise<number[]>, fire: (id: number) => Promise<boolean>, done: number[], failed: number[]) {
    for (;;) {
      const ids = await batch();
      let progressed = false;
      for (const id of ids) {
        try {
          if (await fire(id)) done.push(id);
          progressed = true;
        } catch (error) {
          failed.push(id);
          this.logger.error(`SLA target ${id}: ${(error as Error).message}`);
        }
      }
      if (ids.length < BATCH || !progressed) return;
    }
  }
}
