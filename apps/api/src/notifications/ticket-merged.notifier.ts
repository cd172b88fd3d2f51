import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { OUTBOX_QUEUE, type OutboxJob } from '../outbox/outbox.topics.js';
import { LocalMailer } from './local-mailer.js';

/** Tells the requester, once per merge, that their duplicate request now continues on another ticket. */
@Processor(OUTBOX_QUEUE)
export class TicketMergedNotifier {
  constructor(private readonly mailer: LocalMailer) {}

  @Process('ticket.merged')
  async handle(job: Job<OutboxJob<'ticket.merged'>>) {
    const { outboxId, payload } = job.data;
    await this.mailer.send(outboxId, {
      recipient: payload.requesterEmail,
      subject: `[#${payload.targetId}] Your request #${payload.sourceId} continues here: ${payload.subject}`,
      body:
        `Hello ${payload.requesterName},\n\n` +
        `your request #${payload.sourceId} covered the same question as #${payload.targetId} ("${payload.subject}"), ` +
        `so we joined them: everything you wrote is now on #${payload.targetId}, and we will answer there.\n`,
      ticketId: payload.targetId,
    });
  }
}
