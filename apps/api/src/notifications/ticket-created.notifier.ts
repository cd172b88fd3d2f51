import { OnQueueFailed, Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import type { Job } from 'bull';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { OUTBOX_QUEUE, type OutboxJob } from '../outbox/outbox.topics.js';
import { LocalMailer } from './local-mailer.js';

/**
 * Acknowledges a new ticket to its requester. Also the outbox queue's failure listener: it sees
 * every job of the queue, so the other notifiers need none of their own.
 */
@Processor(OUTBOX_QUEUE)
export class TicketCreatedNotifier {
  private readonly logger = new Logger(TicketCreatedNotifier.name);

  constructor(
    private readonly mailer: LocalMailer,
    private readonly outbox: OutboxRepository,
  ) {}

  @Process('ticket.created')
  async handle(job: Job<OutboxJob<'ticket.created'>>) {
    const { outboxId, payload } = job.data;
    await this.mailer.send(outboxId, {
      recipient: payload.requesterEmail,
      subject: `[#${payload.ticketId}] We received your request: ${payload.subject}`,
      body:
        `Hello ${payload.requesterName},\n\n` +
        `thank you for contacting us. Your request #${payload.ticketId} ("${payload.subject}") is in our queue ` +
        `and an agent will answer soon. Reply to this message to add anything.\n`,
      ticketId: payload.ticketId,
    });
  }

  @OnQueueFailed()
  async onFailed(job: Job<OutboxJob>, error: Error) {
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    await this.outbox.markAttempt(job.data.outboxId, error.message, final);
    this.logger.warn(`outbox job ${job.id} failed (attempt ${job.attemptsMade}${final ? ', giving up' : ''}): ${error.message}`);
  }
}
