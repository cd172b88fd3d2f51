import { subject } from '@casl/ability';
import type { LiveTicketEvent } from '@switchboard/contracts';
import type { AppAbility, TicketFields } from '../access/app-ability.js';

/** What the event log stores: the event as subscribers get it, plus the ticket fields access is decided on. */
export type StoredTicketEvent = LiveTicketEvent & { access: TicketFields };

const ticketOf = (access: TicketFields) => subject('Ticket', { ...access });

/**
 * The same CASL rules as the queries, applied to each event before it is yielded: the subscriber
 * must be able to read the ticket, and an entry only if they may read an entry of its visibility (a
 * customer never learns that an internal note exists). A ticket change is narrowed to its status
 * for anyone who may not update tickets, as the portal shows no more.
 */
export function visibleEvent(ability: AppAbility, stored: StoredTicketEvent): LiveTicketEvent | null {
  if (ability.cannot('read', ticketOf(stored.access))) return null;
  const { access, ...event } = stored;
  if (event.type === 'entry.added') {
    const entry = subject('TicketEntry', { ticketId: event.ticketId, visibility: event.visibility, kind: event.kind });
    return ability.can('read', entry) ? event : null;
  }
  if (event.type === 'ticket.updated' && ability.cannot('update', ticketOf(access))) {
    const changes = event.changes.filter((c) => c.field === 'status');
    return changes.length ? { ...event, changes } : null;
  }
  return event;
}

export function canReadTicket(ability: AppAbility, access: TicketFields): boolean {
  return ability.can('read', ticketOf(access));
}
