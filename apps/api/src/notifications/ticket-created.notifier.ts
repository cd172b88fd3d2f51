import { OnQueueFailed, Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import type { Job } from 'bull';
import { EmailTemplates } from '../channels/email/templates/email-templates.js';
import { FailedWorkAlerts } from '../failed-work/failed-work-alerts.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { OUTBOX_QUEUE, type OutboxJob } from '../outbox/outbox.topics.js';
import { LocalMailer } from './local-mailer.js';

/**
 * Acknowledges a new ticket to its requester, with the company's acknowledgement template (editable
 * by admins; off means no acknowledgement). Also the outbox queue's failure listener: it sees
 * every job of the queue, so the other notifiers need none of their own. The last failed attempt
 * fails the row and alerts the admins (failed-work/).
 */
@Processor(OUTBOX_QUEUE)
export class TicketCreatedNotifier {
  private readonly logger = new Logger(TicketCreatedNotifier.name);

  constructor(
    private readonly mailer: LocalMailer,
    private readonly outbox: OutboxRepository,
    private readonly templates: EmailTemplates,
    private readonly failures: FailedWorkAlerts,
  ) {}

  @Process('ticket.created')
  async handle(job: Job<OutboxJob<'ticket.created'>>) {
    const { outboxId, payload } = job.data;
    const ack = await this.templates.acknowledgement(payload.ticketId, { subject: payload.subject, requesterName: payload.requesterName });
    if (!ack) {
      this.logger.log(`acknowledgement of #${payload.ticketId} not sent: the template is turned off`);
      await this.outbox.markDone(outboxId);
      return;
    }
    await this.mailer.send(outboxId, {
      recipient: payload.requesterEmail,
      subject: ack.subject,
      body: ack.text,
      html: ack.html,
      ticketId: payload.ticketId,
    });
  }

  @OnQueueFailed()
  async onFailed(job: Job<OutboxJob>, error: Error) {
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    // An event listener: a rejection here would be unhandled, so a database hiccup is logged instead
    // (the stale-row re-queue brings a row whose final state was not recorded back to the relay).
    await this.failures.recordAttempt(job.data.outboxId, error.message, final).catch((e: Error) => {
      this.logger.error(`outbox row ${job.data.outboxId}: attempt not recorded: ${e.message}`);
    });
    // Its email that gave up is `failed`, not `sending` for ever; under a reply, live (docs/decisions/026).
    if (final) {
      await this.mailer.gaveUp(job.data.outboxId).catch((e: Error) => {
        this.logger.error(`outbox row ${job.data.outboxId}: its email not marked failed: ${e.message}`);
      });
    }
    this.logger.warn(`outbox job ${job.id} failed (attempt ${job.attemptsMade}${final ? ', giving up' : ''}): ${error.message}`);
  }
}
