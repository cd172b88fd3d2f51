import { subject } from '@casl/ability';
import type { LiveTicketEvent } from '@switchboard/contracts';
import type { AppAbility, TicketFields } from '../access/app-ability.js';

/** What the event log stores: the event as subscribers get it, plus the ticket fields access is decided on. */
export type StoredTicketEvent = LiveTicketEvent & { access: TicketFields };

const ticketOf = (access: TicketFields) => subject('Ticket', { ...access });

/**
 * One stored event reaches every subscriber of its topic as the same object: the parts that do not
 * depend on the subscriber (the CASL subjects, the event without its access fields) are built once
 * per event, not once per subscriber.
 */
interface Prepared {
  ticket: ReturnType<typeof ticketOf>;
  entry: ReturnType<typeof subject> | null;
  event: LiveTicketEvent;
}
const prepared = new WeakMap<StoredTicketEvent, Prepared>();

function prepare(stored: StoredTicketEvent): Prepared {
  let p = prepared.get(stored);
  if (!p) {
    const { access, ...event } = stored;
    const entry =
      event.type === 'entry.added' ? subject('TicketEntry', { ticketId: event.ticketId, visibility: event.visibility, kind: event.kind }) : null;
    p = { ticket: ticketOf(access), entry, event };
    prepared.set(stored, p);
  }
  return p;
}

/**
 * The same CASL rules as the queries, applied to each event before it is yielded: the subscriber
 * must be able to read the ticket, and an entry only if they may read an entry of its visibility (a
 * customer never learns that an internal note exists). A ticket change is narrowed to its status
 * for anyone who may not update tickets, as the portal shows no more.
 */
export function visibleEvent(ability: AppAbility, stored: StoredTicketEvent): LiveTicketEvent | null {
  const { ticket, entry, event } = prepare(stored);
  if (ability.cannot('read', ticket)) return null;
  if (entry) return ability.can('read', entry as never) ? event : null;
  if (event.type === 'ticket.updated' && ability.cannot('update', ticket)) {
    const changes = event.changes.filter((c) => c.field === 'status');
    return changes.length ? { ...event, changes } : null;
  }
  return event;
}

export function canReadTicket(ability: AppAbility, access: TicketFields): boolean {
  return ability.can('read', ticketOf(access));
}
