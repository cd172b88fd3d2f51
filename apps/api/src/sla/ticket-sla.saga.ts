import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { SYSTEM_USER_EMAIL } from '@switchboard/migrations';
import { TicketCreatedEvent } from '../tickets/events/ticket-created.event.js';
import { TicketEntryAddedEvent } from '../tickets/events/ticket-entry-added.event.js';
import { TicketUpdatedEvent, type TicketField } from '../tickets/events/ticket-updated.event.js';
import { SlaTicketRepository } from './sla-ticket.repository.js';
import { SlaSync } from './sla-sync.service.js';

/** The ticket changes that move SLA targets: a new policy or target row, a pause, a resolution. */
const RELEVANT: TicketField[] = ['status', 'urgency', 'importance', 'issue_type'];

type TicketEvent = TicketCreatedEvent | TicketUpdatedEvent | TicketEntryAddedEvent;

/**
 * Reacts to the tickets module's events with SlaSync. A first public reply by staff (not an internal
 * note, not the system user's automatic messages) meets the response targets; a customer message after
 * the first response starts a next-response target.
 */
@EventsHandler(TicketCreatedEvent, TicketUpdatedEvent, TicketEntryAddedEvent)
export class TicketSlaSaga implements IEventHandler<TicketEvent> {
  constructor(
    private readonly sync: SlaSync,
    private readonly repo: SlaTicketRepository,
  ) {}

  async handle(event: TicketEvent) {
    if (event instanceof TicketCreatedEvent) return this.sync.applySafely(event.ticketId);
    if (event instanceof TicketUpdatedEvent) {
      if (event.changes.some((c) => RELEVANT.includes(c.field))) await this.sync.applySafely(event.ticketId);
      return;
    }
    if (event.visibility !== 'public' || (event.kind !== 'message' && event.kind !== 'reply')) return;
    const at = (await this.repo.entryTime(event.entryId).catch(() => null)) ?? new Date();
    if (event.kind === 'message') return this.sync.applySafely(event.ticketId, { kind: 'customer_message', at });
    const author = await this.repo.author(event.actorId).catch(() => null);
    if (author && author.role !== 'customer' && author.email !== SYSTEM_USER_EMAIL) {
      await this.sync.applySafely(event.ticketId, { kind: 'agent_reply', at });
    }
  }
}
