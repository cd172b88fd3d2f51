import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { OUTBOX_QUEUE, type OutboxJob } from '../outbox/outbox.topics.js';
import { LocalMailer } from './local-mailer.js';

/** Tells a staff member they were @mentioned in an internal note. */
@Processor(OUTBOX_QUEUE)
export class NoteMentionNotifier {
  constructor(private readonly mailer: LocalMailer) {}

  @Process('note.mention')
  async handle(job: Job<OutboxJob<'note.mention'>>) {
    const { outboxId, payload } = job.data;
    await this.mailer.send(outboxId, {
      recipient: payload.recipientEmail,
      subject: `[#${payload.ticketId}] ${payload.authorName} mentioned you: ${payload.subject}`,
      body:
        `Hello ${payload.recipientName},\n\n` +
        `${payload.authorName} mentioned you in an internal note on ticket #${payload.ticketId} ("${payload.subject}"):\n\n` +
        `${payload.excerpt}\n\n` +
        `Open the ticket in the workspace to answer. The customer does not see internal notes.\n`,
      ticketId: payload.ticketId,
    });
  }
}
