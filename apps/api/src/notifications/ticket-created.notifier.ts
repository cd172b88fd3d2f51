import { OnQueueFailed, Process, Processor } from '@nestjs/bull';
import { Inject, Logger } from '@nestjs/common';
import type { Job } from 'bull';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { OUTBOX_QUEUE, type OutboxJob } from '../outbox/outbox.topics.js';
import { OutboundMessageRepository } from './outbound-message.repository.js';

/** Acknowledges a new ticket to its requester. Without a mail provider the message stays in the local outbox. */
@Processor(OUTBOX_QUEUE)
export class TicketCreatedNotifier {
  private readonly logger = new Logger(TicketCreatedNotifier.name);

  constructor(
    private readonly messages: OutboundMessageRepository,
    private readonly outbox: OutboxRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Process('ticket.created')
  async handle(job: Job<OutboxJob<'ticket.created'>>) {
    const { outboxId, payload } = job.data;
    await this.messages.record({
      outboxEventId: outboxId,
      channel: 'email',
      recipient: payload.requesterEmail,
      subject: `[#${payload.ticketId}] We received your request: ${payload.subject}`.slice(0, 255),
      body:
        `Hello ${payload.requesterName},\n\n` +
        `thank you for contacting us. Your request #${payload.ticketId} ("${payload.subject}") is in our queue ` +
        `and an agent will answer soon. Reply to this message to add anything.\n`,
      status: 'local',
      ticketId: payload.ticketId,
    });
    this.logger.log(
      `ticket #${payload.ticketId}: acknowledgement to ${payload.requesterEmail} kept in the local outbox ` +
        `(${this.config.sendgridApiKey ? 'email delivery is not wired yet' : 'no SENDGRID_API_KEY set'}; see the workspace's Outbox page)`,
    );
    await this.outbox.markDone(outboxId);
  }

  @OnQueueFailed()
  async onFailed(job: Job<OutboxJob>, error: Error) {
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    await this.outbox.markAttempt(job.data.outboxId, error.message, final);
    this.logger.warn(`outbox job ${job.id} failed (attempt ${job.attemptsMade}${final ? ', giving up' : ''}): ${error.message}`);
  }
}
