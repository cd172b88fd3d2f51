import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { OUTBOX_QUEUE, type OutboxJob } from '../outbox/outbox.topics.js';
import { PreferredEmail } from './preferred-email.js';

/** Tells a staff member they were @mentioned in an internal note (unless their notification preferences say not now, or not by email). */
@Processor(OUTBOX_QUEUE)
export class NoteMentionNotifier {
  constructor(private readonly email: PreferredEmail) {}

  @Process('note.mention')
  async handle(job: Job<OutboxJob<'note.mention'>>) {
    const { payload } = job.data;
    await this.email.send(job, job.data, payload.recipientId, 'mention', {
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
