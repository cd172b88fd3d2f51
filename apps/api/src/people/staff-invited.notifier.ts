import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { LocalMailer } from '../notifications/local-mailer.js';
import { OUTBOX_QUEUE, type OutboxJob } from '../outbox/outbox.topics.js';

/** The invitation email with its signed, expiring link. */
@Processor(OUTBOX_QUEUE)
export class StaffInvitedNotifier {
  constructor(private readonly mailer: LocalMailer) {}

  @Process('staff.invited')
  async handle(job: Job<OutboxJob<'staff.invited'>>) {
    const { outboxId, payload } = job.data;
    await this.mailer.send(outboxId, {
      recipient: payload.email,
      subject: `${payload.inviterName} invited you to the Switchboard workspace`,
      body:
        `Hello ${payload.name},\n\n` +
        `${payload.inviterName} invited you to join the support team on Switchboard.\n` +
        `Choose your password here (the link works once, until ${payload.expiresAt}):\n\n${payload.link}\n`,
      ticketId: null,
    });
  }
}
