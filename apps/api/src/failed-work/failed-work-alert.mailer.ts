import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import { SYSTEM_USER_EMAIL } from '@switchboard/migrations';
import type { Job } from 'bull';
import { PreferredEmail } from '../notifications/preferred-email.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { OUTBOX_QUEUE, type OutboxJob } from '../outbox/outbox.topics.js';
import { FAILED_WORK_ALERT_TOPIC } from './failed-work-alerts.js';
import { FailedWorkRepository } from './failed-work.repository.js';

export const alertEmailSubject = (topic: string) => `Background work failed: ${topic}`;

/**
 * An admin's failed-work alert by email (docs/decisions/026): written when their alert for a topic
 * starts, sent through their notification preferences (the `failed_work` email switch, quiet hours:
 * held or dropped). Not sent to someone who is no longer an active admin by the time it goes out.
 * Should this job itself give up, FailedWorkAlerts alerts it in the bell only: no email about an email.
 */
@Processor(OUTBOX_QUEUE)
export class FailedWorkAlertMailer {
  private readonly logger = new Logger(FailedWorkAlertMailer.name);

  constructor(
    private readonly email: PreferredEmail,
    private readonly outbox: OutboxRepository,
    private readonly admins: FailedWorkRepository,
  ) {}

  @Process(FAILED_WORK_ALERT_TOPIC)
  async send(job: Job<OutboxJob<typeof FAILED_WORK_ALERT_TOPIC>>) {
    const { outboxId, payload } = job.data;
    const { recipient } = payload;
    if (!(await this.admins.isActiveAdmin(recipient.id, SYSTEM_USER_EMAIL))) {
      this.logger.log(`failed-work alert for user ${recipient.id} not sent: no longer an active admin`);
      await this.outbox.markDone(outboxId);
      return;
    }
    await this.email.send(job, job.data, recipient.id, 'failed_work', {
      recipient: recipient.email,
      subject: alertEmailSubject(payload.topic),
      body:
        `Hello ${recipient.name},\n\n` +
        `a background job gave up after its last attempt: ${payload.topic}.\n` +
        `Latest error: ${payload.error}\n\n` +
        `More failures of ${payload.topic} within the hour are counted in the workspace's bell, not emailed again.\n` +
        `Admin → Failed background work to retry or dismiss them.\n`,
      ticketId: null,
    });
  }
}
