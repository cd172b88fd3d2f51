import { Injectable } from '@nestjs/common';
import type { NotificationEvent } from '@switchboard/contracts';
import type { Job } from 'bull';
import { NotificationGate } from '../inbox/preferences/notification-gate.js';
import type { OutboxJob } from '../outbox/outbox.topics.js';
import { LocalMailer, type Email } from './local-mailer.js';

/**
 * A notification email to a staff member, through their notification preferences: sent; recorded as
 * not sent ("suppressed", with the reason) when they turned the event's email off or their quiet hours
 * drop email; or held: the same job is queued again, delayed until the quiet hours end (its job id is
 * per outbox row and recipient, so the outbox relay re-queuing the row while it waits adds no copy).
 */
@Injectable()
export class PreferredEmail {
  constructor(
    private readonly gate: NotificationGate,
    private readonly mailer: LocalMailer,
  ) {}

  async send<T extends OutboxJob>(job: Job<T>, heldJob: T, recipientId: number, event: NotificationEvent, email: Email, now = new Date()) {
    const decision = await this.gate.email(recipientId, event, now);
    if (decision.send) return this.mailer.send(job.data.outboxId, email);
    if ('drop' in decision) return this.mailer.send(job.data.outboxId, { ...email, withheld: decision.drop });
    await job.queue.add(job.name, heldJob, {
      jobId: `held:${job.data.outboxId}:${recipientId}`,
      delay: Math.max(0, decision.holdUntil.getTime() - now.getTime()),
      attempts: job.opts.attempts,
      backoff: job.opts.backoff,
      removeOnComplete: true,
    });
  }
}
