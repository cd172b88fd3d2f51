import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { OUTBOX_QUEUE, type OutboxJob } from '../outbox/outbox.topics.js';
import { LocalMailer } from './local-mailer.js';

/** Mails the address-verification link to a new self-registered customer. */
@Processor(OUTBOX_QUEUE)
export class VerifyEmailNotifier {
  constructor(private readonly mailer: LocalMailer) {}

  @Process('auth.verify_email')
  async handle(job: Job<OutboxJob<'auth.verify_email'>>) {
    const { outboxId, payload } = job.data;
    await this.mailer.send(outboxId, {
      recipient: payload.email,
      subject: 'Confirm your email address',
      body:
        `Hello ${payload.name},\n\n` +
        `please confirm that this is your address by opening this link:\n\n${payload.verifyUrl}\n\n` +
        `If you did not create an account with us, ignore this message.\n`,
      ticketId: null,
      sensitive: true,
    });
  }
}
