import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import type { Job } from 'bull';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { OUTBOX_QUEUE, type OutboxJob } from '../outbox/outbox.topics.js';
import { OutboundMessageRepository } from './outbound-message.repository.js';

/**
 * Tells a staff member they were @mentioned in an internal note, by email (kept in the local outbox
 * without a mail provider). Failed attempts are recorded by the queue's @OnQueueFailed listener in
 * TicketCreatedNotifier, which sees every job of the outbox queue.
 */
@Processor(OUTBOX_QUEUE)
export class NoteMentionNotifier {
  private readonly logger = new Logger(NoteMentionNotifier.name);

  constructor(
    private readonly messages: OutboundMessageRepository,
    private readonly outbox: OutboxRepository,
  ) {}

  @Process('note.mention')
  async handle(job: Job<OutboxJob<'note.mention'>>) {
    const { outboxId, payload } = job.data;
    await this.messages.record({
      outboxEventId: outboxId,
      channel: 'email',
      recipient: payload.recipientEmail,
      subject: `[#${payload.ticketId}] ${payload.authorName} mentioned you: ${payload.subject}`.slice(0, 255),
      body:
        `Hello ${payload.recipientName},\n\n` +
        `${payload.authorName} mentioned you in an internal note on ticket #${payload.ticketId} ("${payload.subject}"):\n\n` +
        `${payload.excerpt}\n\n` +
        `Open the ticket in the workspace to answer. The customer does not see internal notes.\n`,
      status: 'local',
      ticketId: payload.ticketId,
    });
    this.logger.log(`ticket #${payload.ticketId}: mention of ${payload.recipientEmail} kept in the local outbox`);
    await this.outbox.markDone(outboxId);
  }
}
