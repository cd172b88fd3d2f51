import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bull';

export const INBOUND_EMAIL_QUEUE = 'email-inbound';

export interface InboundEmailJob {
  inboundEmailId: number;
}

/** Puts a stored inbound email in the queue. Losing the job loses nothing: the reconciler finds the row. */
@Injectable()
export class InboundEmailQueue {
  private readonly logger = new Logger(InboundEmailQueue.name);

  constructor(@InjectQueue(INBOUND_EMAIL_QUEUE) private readonly queue: Queue<InboundEmailJob>) {}

  async enqueue(inboundEmailId: number) {
    try {
      await this.queue.add(
        { inboundEmailId },
        {
          jobId: `inbound:${inboundEmailId}:${Date.now()}`,
          attempts: 6,
          backoff: { type: 'exponential', delay: 2000 },
          removeOnComplete: 1000,
          removeOnFail: 5000,
        },
      );
    } catch (error) {
      // Stored is what counts: the worker's reconciler queues rows still 'received' after a minute.
      this.logger.warn(`inbound email ${inboundEmailId} stored but not queued: ${(error as Error).message}`);
    }
  }
}
