import { Inject, Injectable } from '@nestjs/common';
import type { Channel } from '@switchboard/contracts';
import type { Transaction } from 'sequelize';
import { AuditRepository } from '../../audit/audit.repository.js';
import type { Actor } from '../../common/actor.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { OutboxRepository } from '../../outbox/outbox.repository.js';
import type { TicketModel } from '../ticket.model.js';
import { TicketRepository } from '../ticket.repository.js';
import { TicketLinkRepository } from './ticket-link.repository.js';

const DAY_MS = 86_400_000;

/** Whether a closed ticket was closed longer ago than the reopen window (then a reply opens a follow-up). */
export function closedBeyondWindow(closedAt: Date, windowDays: number, now = Date.now()): boolean {
  return now - closedAt.getTime() > windowDays * DAY_MS;
}

/**
 * A customer reply to a ticket closed longer than REOPEN_WINDOW_DAYS ago opens a new ticket instead,
 * linked to the old one (kind follow_up), with the reply as its first message.
 */
@Injectable()
export class FollowUpTickets {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly links: TicketLinkRepository,
    private readonly audit: AuditRepository,
    private readonly outbox: OutboxRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  isDue(ticket: Pick<TicketModel, 'status' | 'closedAt' | 'updatedAt'>, now = Date.now()) {
    return ticket.status === 'closed' && closedBeyondWindow(ticket.closedAt ?? ticket.updatedAt, this.config.reopenWindowDays, now);
  }

  /** Runs inside the caller's transaction; returns the new ticket's id and its first entry (the message as stored: text and HTML). */
  async open(actor: Actor, old: TicketModel, { body, bodyHtml }: { body: string; bodyHtml: string }, channel: Channel, transaction: Transaction) {
    const subject = `Follow-up to #${old.id}: ${old.subject}`.slice(0, 200);
    const created = await this.tickets.create(
      {
        subject,
        description: body,
        status: 'open',
        urgency: old.urgency,
        importance: old.importance,
        priority: old.priority,
        channel,
        requesterId: old.requesterId,
        companyId: old.companyId,
        // The follow-up keeps what the old ticket was about; its custom field values stay there.
        issueTypeId: old.issueTypeId,
        categoryId: old.categoryId,
      },
      transaction,
    );
    const entry = await this.tickets.addEntry(
      { ticketId: created.id, kind: 'message', visibility: 'public', authorId: actor.user.id, channel, body, bodyHtml },
      transaction,
    );
    await this.links.link(old.id, created.id, 'follow_up', actor.user.id, transaction);
    await this.audit.record(
      actor,
      { action: 'ticket.created', subjectType: 'Ticket', subjectId: created.id, after: { subject, channel, followUpOf: old.id } },
      transaction,
    );
    await this.audit.record(
      actor,
      { action: 'ticket.follow_up_opened', subjectType: 'Ticket', subjectId: old.id, after: { followUp: created.id } },
      transaction,
    );
    const requester = old.requester!;
    await this.outbox.append(
      'ticket.created',
      { ticketId: created.id, subject, requesterEmail: requester.email, requesterName: requester.name },
      transaction,
    );
    return { ticketId: created.id, entry };
  }
}
