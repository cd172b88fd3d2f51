import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import type { Job } from 'bull';
import { OutboundMessageRepository } from '../notifications/outbound-message.repository.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
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
  private readonly logger = new Logger(RatingRequestNotifier.name);

  constructor(
    private readonly messages: OutboundMessageRepository,
    private readonly outbox: OutboxRepository,
    private readonly signer: RatingLinkSigner,
  ) {}

  @Process('ticket.resolved')
  async handle(job: Job<OutboxJob<'ticket.resolved'>>) {
    const { outboxId, payload } = job.data;
    const links = this.signer.links(this.signer.sign(payload.ticketId));
    await this.messages.record({
      outboxEventId: outboxId,
      channel: 'email',
      recipient: payload.requesterEmail,
      subject: `[#${payload.ticketId}] How did we do?`,
      body:
        `Hello ${payload.requesterName},\n\n` +
        `your request #${payload.ticketId} was resolved. How satisfied are you with the help you got?\n\n` +
        links.map((l) => `${l.score} (${FACES[l.score]}): ${l.url}`).join('\n') +
        `\n\nIf the problem is not solved, just reply to this message and the ticket reopens.\n`,
      status: 'local',
      ticketId: payload.ticketId,
    });
    this.logger.log(`ticket #${payload.ticketId}: rating request to ${payload.requesterEmail} kept in the local outbox`);
    await this.outbox.markDone(outboxId);
  }
}
