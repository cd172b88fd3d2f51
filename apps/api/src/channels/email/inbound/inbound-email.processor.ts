import { OnQueueFailed, Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import type { Job } from 'bull';
import { InboundEmailApplier } from './inbound-email.applier.js';
import { INBOUND_EMAIL_QUEUE, type InboundEmailJob } from './inbound-email.queue.js';
import { InboundEmailRepository } from './inbound-email.repository.js';

@Processor(INBOUND_EMAIL_QUEUE)
export class InboundEmailProcessor {
  private readonly logger = new Logger(InboundEmailProcessor.name);

  constructor(
    private readonly applier: InboundEmailApplier,
    private readonly inbound: InboundEmailRepository,
  ) {}

  @Process()
  handle(job: Job<InboundEmailJob>) {
    return this.applier.process(job.data.inboundEmailId);
  }

  /** After the last attempt the email is kept as failed, with the reason, for an admin to retry. */
  @OnQueueFailed()
  async onFailed(job: Job<InboundEmailJob>, error: Error) {
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    this.logger.warn(`inbound email ${job.data.inboundEmailId} failed (attempt ${job.attemptsMade}${final ? ', giving up' : ''}): ${error.message}`);
    if (final) await this.inbound.finish(job.data.inboundEmailId, { status: 'failed', reason: error.message });
  }
}
