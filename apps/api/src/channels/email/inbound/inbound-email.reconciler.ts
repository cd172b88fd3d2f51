import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InboundEmailQueue } from './inbound-email.queue.js';
import { InboundEmailRepository } from './inbound-email.repository.js';

const EVERY_MS = 30_000;
const RECEIVED_GRACE_MS = 30_000;

/**
 * Timers are data: an inbound email is in MySQL before it is in Redis, so a job lost with Redis or
 * never queued (the API died after the commit) is found here, as is one a killed worker held.
 * Runs at boot and every 30 s; processing is idempotent, so queueing twice is harmless.
 */
@Injectable()
export class InboundEmailReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(InboundEmailReconciler.name);

  constructor(
    private readonly inbound: InboundEmailRepository,
    private readonly queue: InboundEmailQueue,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap() {
    void this.sweep(new Date());
    this.scheduler.addInterval('inbound-email-reconcile', setInterval(() => void this.sweep(new Date(Date.now() - RECEIVED_GRACE_MS)), EVERY_MS));
  }

  onApplicationShutdown() {
    if (this.scheduler.doesExist('interval', 'inbound-email-reconcile')) this.scheduler.deleteInterval('inbound-email-reconcile');
  }

  async sweep(receivedBefore: Date) {
    try {
      const ids = await this.inbound.unfinished(receivedBefore);
      for (const id of ids) await this.queue.enqueue(id);
      if (ids.length) this.logger.log(`queued ${ids.length} inbound email(s) that were waiting`);
    } catch (error) {
      this.logger.error(`inbound reconcile failed: ${(error as Error).message}`);
    }
  }
}
