import { Process, Processor } from '@nestjs/bull';
import type { NotificationEvent } from '@switchboard/contracts';
import type { Job } from 'bull';
import { OUTBOX_QUEUE, type OutboxJob, type StaffNoticeTopic, type StaffTicketNoticePayload } from '../outbox/outbox.topics.js';
import { PreferredEmail } from './preferred-email.js';

type Recipient = StaffTicketNoticePayload['recipients'][number];

/**
 * "Assigned to you", "the customer replied" and "a new ticket in your team" by email: one per
 * recipient, each through their own notification preferences (email off or quiet hours with drop ->
 * recorded as suppressed; hold -> a delayed job of their own). LocalMailer is idempotent per (outbox
 * row, recipient), so a redelivered job sends nobody a second copy.
 */
@Processor(OUTBOX_QUEUE)
export class StaffTicketNotifier {
  constructor(private readonly email: PreferredEmail) {}

  @Process('ticket.assigned')
  async assigned(job: Job<OutboxJob<'ticket.assigned'>>) {
    await this.send(job, 'assigned', (p, r) => ({
      subject: `[#${p.ticketId}] Assigned to you: ${p.subject}`,
      body: `Hello ${r.name},\n\n${p.actorName} assigned ticket #${p.ticketId} ("${p.subject}") to you.\n\nOpen it in the workspace to answer.\n`,
    }));
  }

  @Process('ticket.customer_replied')
  async customerReplied(job: Job<OutboxJob<'ticket.customer_replied'>>) {
    await this.send(job, 'customer_replied', (p, r) => ({
      subject: `[#${p.ticketId}] ${p.actorName} replied: ${p.subject}`,
      body: `Hello ${r.name},\n\n${p.actorName} wrote again on ticket #${p.ticketId} ("${p.subject}"), which is assigned to you:\n\n${p.excerpt}\n\nAnswer in the workspace.\n`,
    }));
  }

  @Process('team.ticket_created')
  async teamTicket(job: Job<OutboxJob<'team.ticket_created'>>) {
    await this.send(job, 'team_ticket_created', (p, r) => ({
      subject: `[#${p.ticketId}] New ticket in ${p.teamName ?? 'your team'}: ${p.subject}`,
      body: `Hello ${r.name},\n\nticket #${p.ticketId} ("${p.subject}") was routed to ${p.teamName ?? 'your team'}.\n`,
    }));
  }

  private async send(
    job: Job<OutboxJob<StaffNoticeTopic>>,
    event: NotificationEvent,
    write: (payload: StaffTicketNoticePayload, recipient: Recipient) => { subject: string; body: string },
  ) {
    const { payload } = job.data;
    for (const r of payload.recipients) {
      // A held recipient's delayed job carries only them, so it sends to nobody else when it runs.
      const held = { ...job.data, payload: { ...payload, recipients: [r] } };
      await this.email.send(job, held, r.id, event, { recipient: r.email, ...write(payload, r), ticketId: payload.ticketId });
    }
  }
}
