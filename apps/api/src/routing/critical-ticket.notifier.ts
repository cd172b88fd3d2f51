import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { LocalMailer } from '../notifications/local-mailer.js';
import { OUTBOX_QUEUE, type OutboxJob } from '../outbox/outbox.topics.js';

/** One email per recipient of a critical ticket alert (idempotent per outbox row and recipient). */
@Processor(OUTBOX_QUEUE)
export class CriticalTicketNotifier {
  constructor(private readonly mailer: LocalMailer) {}

  @Process('ticket.critical')
  async handle(job: Job<OutboxJob<'ticket.critical'>>) {
    const { outboxId, payload } = job.data;
    for (const recipient of payload.recipients) {
      await this.mailer.send(outboxId, {
        recipient: recipient.email,
        subject: `[#${payload.ticketId}] CRITICAL: ${payload.subject}`,
        body:
          `Hello ${recipient.name},\n\n` +
          `Ticket #${payload.ticketId} ("${payload.subject}") is critical in urgency and importance.\n` +
          `Every online agent and every manager gets this message. Open it in the workspace now.\n`,
        ticketId: payload.ticketId,
      });
    }
  }
}
