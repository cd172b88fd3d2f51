import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import type { Job } from 'bull';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { OUTBOX_QUEUE, type OutboxJob } from '../outbox/outbox.topics.js';
import { OutboundMessageRepository } from './outbound-message.repository.js';

/**
 * Tells the requester, once per merge, that their duplicate request now continues on another
 * ticket (kept in the local outbox without a mail provider).
 */
@Processor(OUTBOX_QUEUE)
export class TicketMergedNotifier {
  private readonly logger = new Logger(TicketMergedNotifier.name);

  constructor(
    private readonly messages: OutboundMessageRepository,
    private readonly outbox: OutboxRepository,
  ) {}

  @Process('ticket.merged')
  async handle(job: Job<OutboxJob<'ticket.merged'>>) {
    const { outboxId, payload } = job.data;
    await this.messages.record({
      outboxEventId: outboxId,
      channel: 'email',
      recipient: payload.requesterEmail,
      subject: `[#${payload.targetId}] Your request #${payload.sourceId} continues here: ${payload.subject}`.slice(0, 255),
      body:
        `Hello ${payload.requesterName},\n\n` +
        `your request #${payload.sourceId} covered the same question as #${payload.targetId} ("${payload.subject}"), ` +
        `so we joined them: everything you wrote is now on #${payload.targetId}, and we will answer there.\n`,
      status: 'local',
      ticketId: payload.targetId,
    });
    this.logger.log(`ticket #${payload.sourceId} merged into #${payload.targetId}: requester told in the local outbox`);
    await this.outbox.markDone(outboxId);
  }
}
