import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { Queue } from 'bull';
import { Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { OutboxRepository } from './outbox.repository.js';
import { OUTBOX_QUEUE, type OutboxJob, type OutboxTopic } from './outbox.topics.js';

const BATCH = 200;
const STALE_AFTER_MS = 10 * 60_000;

/**
 * Moves committed outbox rows to Bull. Runs in the worker; several workers may run it at once
 * (rows are claimed with SKIP LOCKED and marked queued in the same transaction).
 */
@Injectable()
export class OutboxRelayService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayService.name);
  private running = false;

  constructor(
    private readonly sequelize: Sequelize,
    private readonly outbox: OutboxRepository,
    @InjectQueue(OUTBOX_QUEUE) private readonly queue: Queue<OutboxJob>,
    private readonly scheduler: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit() {
    this.scheduler.addInterval('outbox-relay', setInterval(() => void this.tick(), this.config.outboxPollMs));
    this.scheduler.addInterval('outbox-requeue-stale', setInterval(() => void this.requeueStale(), 60_000));
  }

  onApplicationShutdown() {
    for (const name of ['outbox-relay', 'outbox-requeue-stale']) {
      if (this.scheduler.doesExist('interval', name)) this.scheduler.deleteInterval(name);
    }
  }

  private async tick() {
    if (this.running) return;
    this.running = true;
    try {
      while ((await this.relayOnce()) === BATCH) {
        /* keep draining */
      }
    } catch (error) {
      this.logger.error(`outbox relay failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }

  /** One batch: claim, enqueue, mark queued, in one transaction. Returns how many rows moved. */
  async relayOnce(): Promise<number> {
    // READ COMMITTED: the claim locks only the rows it takes, no gaps. Under REPEATABLE READ its gap and
    // next-key locks deadlocked with concurrent inserts of new outbox rows (200 tickets created in parallel
    // while a worker relays: InnoDB picked the ticket insert as the victim, a 500 to the customer).
    return this.sequelize.transaction({ isolationLevel: Transaction.ISOLATION_LEVELS.READ_COMMITTED }, async (transaction) => {
      const rows = await this.outbox.claimPending(BATCH, transaction);
      if (rows.length === 0) return 0;
      // The job id names the row and this relay of it: a row re-queued after a lost job gets a fresh
      // job even while Bull still remembers the old one; the processors are idempotent per row.
      const queuedAt = new Date();
      await Promise.all(
        rows.map((row) => {
          const payload = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload;
          const job: OutboxJob = { outboxId: Number(row.id), topic: row.topic as OutboxTopic, payload };
          return this.queue.add(row.topic, job, {
            jobId: `outbox:${row.id}:${queuedAt.getTime()}`,
            attempts: this.config.outboxAttempts,
            backoff: { type: 'exponential', delay: 1000 },
            removeOnComplete: 1000,
            removeOnFail: 5000,
          });
        }),
      );
      await this.outbox.markQueued(
        rows.map((r) => Number(r.id)),
        queuedAt,
        transaction,
      );
      return rows.length;
    });
  }

  /** A row queued long ago whose job never finished (lost with Redis) goes back to pending. */
  async requeueStale() {
    try {
      const count = await this.outbox.requeueStale(new Date(Date.now() - STALE_AFTER_MS));
      if (count) this.logger.warn(`re-queued ${count} outbox row(s) whose job was lost`);
    } catch (error) {
      this.logger.error(`outbox re-queue failed: ${(error as Error).message}`);
    }
  }
}
