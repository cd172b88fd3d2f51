import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { LocalMailer } from '../notifications/local-mailer.js';
import { OUTBOX_QUEUE, type OutboxJob } from '../outbox/outbox.topics.js';
import { RatingLinkSigner } from './rating-link.signer.js';

const FACES = ['', 'very poor', 'poor', 'okay', 'good', 'excellent'];

/**
 * Asks the requester of a resolved ticket to rate it, with one link per score. The links only open a
 * confirmation page in the portal (mail scanners follow links); the rating is recorded on submit.
 * Failed attempts are recorded by the queue's failure listener (notifications/ticket-created.notifier.ts).
 */
@Processor(OUTBOX_QUEUE)
export class RatingRequestNotifier {
  constructor(
    private readonly mailer: LocalMailer,
    private readonly signer: RatingLinkSigner,
  ) {}

  @Process('ticket.resolved')
  async handle(job: Job<OutboxJob<'ticket.resolved'>>) {
    const { outboxId, payload } = job.data;
    const links = this.signer.links(this.signer.sign(payload.ticketId));
    await this.mailer.send(outboxId, {
      recipient: payload.requesterEmail,
      subject: `[#${payload.ticketId}] How did we do?`,
      body:
        `Hello ${payload.requesterName},\n\n` +
        `your request #${payload.ticketId} was resolved. How satisfied are you with the help you got?\n\n` +
        links.map((l) => `${l.score} (${FACES[l.score]}): ${l.url}`).join('\n') +
        `\n\nIf the problem is not solved, just reply to this message and the ticket reopens.\n`,
      ticketId: payload.ticketId,
    });
  }
}
