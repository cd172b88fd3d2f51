import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { OUTBOX_QUEUE, type OutboxJob } from '../outbox/outbox.topics.js';
import { LocalMailer } from './local-mailer.js';

/** Mails the reset link; the message is marked sensitive (body for admins only, never logged). */
@Processor(OUTBOX_QUEUE)
export class PasswordResetNotifier {
  constructor(private readonly mailer: LocalMailer) {}

  @Process('auth.password_reset')
  async handle(job: Job<OutboxJob<'auth.password_reset'>>) {
    const { outboxId, payload } = job.data;
    const minutes = Math.round((Date.parse(payload.expiresAt) - Date.now()) / 60_000);
    await this.mailer.send(outboxId, {
      recipient: payload.email,
      subject: 'Reset your Switchboard password',
      body:
        `Hello ${payload.name},\n\n` +
        `someone (hopefully you) asked to reset the password of this account. Open this link to choose a new one:\n\n` +
        `${payload.resetUrl}\n\n` +
        `The link works once and expires in about ${Math.max(1, minutes)} minutes. Setting a new password signs out every session.\n` +
        `If you did not ask for this, ignore this message: your password stays as it is.\n`,
      ticketId: null,
      sensitive: true,
    });
  }
}
