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
      event.type === 'entry.added' || event.type === 'entry.updated'
        ? subject('TicketEntry', { ticketId: event.ticketId, visibility: event.visibility, kind: event.kind })
        : null;
    p = { ticket: ticketOf(access), entry, event };
    prepared.set(stored, p);
  }
  return p;
}

/**
 * The same CASL rules as the queries, applied to each event before it is yielded: the subscriber
 * must be able to read the ticket, and an entry (added or updated) only if they may read an entry of
 * its visibility (a customer never learns that an internal note exists). A ticket change is narrowed to its status
 * for anyone who may not update tickets, as the portal shows no more.
 */
export function visibleEvent(ability: AppAbility, stored: StoredTicketEvent): LiveTicketEvent | null {
  const { ticket, entry, event } = prepare(stored);
  if (ability.cannot('read', ticket)) return null;
  if (entry) return ability.can('read', entry as never) ? event : null;
  // Read receipts are for staff: a customer does not learn which agent read what, or when.
  if (event.type === 'entry.seen') return ability.can('comment', ticket) ? event : null;
  if (event.type === 'ticket.updated' && ability.cannot('update', ticket)) {
    const changes = event.changes.filter((c) => c.field === 'status');
    return changes.length ? { ...event, changes } : null;
  }
  return event;
}

/**
 * Subscribers whose abilities have the same rules get the same answer for every event: the rules
 * (with the user's id, company and role already in their conditions) are the "ability class".
 */
const classes = new WeakMap<AppAbility, string>();
export function abilityClass(ability: AppAbility): string {
  let key = classes.get(ability);
  if (key === undefined) {
    key = JSON.stringify(ability.rules);
    classes.set(ability, key);
  }
  return key;
}

const decided = new WeakMap<StoredTicketEvent, Map<string, LiveTicketEvent | null>>();

/**
 * visibleEvent decided once per (event, ability class) instead of once per subscriber: with 5,000
 * agents subscribed, an event costs a handful of CASL checks, and every subscriber of a class gets
 * the same object (so live-sse.ts serialises it once).
 */
export function visibleEventCached(ability: AppAbility, stored: StoredTicketEvent): LiveTicketEvent | null {
  const key = abilityClass(ability);
  let byClass = decided.get(stored);
  if (!byClass) decided.set(stored, (byClass = new Map()));
  let visible = byClass.get(key);
  if (visible === undefined) {
    visible = visibleEvent(ability, stored);
    byClass.set(key, visible);
  }
  return visible;
}

export function canReadTicket(ability: AppAbility, access: TicketFields): boolean {
  return ability.can('read', ticketOf(access));
}

/** What the `chats` topic stores (chat/chat-live.ts): a chat changed, with the company its access is decided on. */
export interface StoredChatAccess {
  access: { companyId: number };
}

const chatDecided = new WeakMap<StoredChatAccess, Map<string, boolean>>();

/**
 * Whether a chat event concerns this subscriber at all (they may read chat sessions of its company),
 * decided once per (event, ability class) like ticket events.
 */
export function visibleChatEventCached(ability: AppAbility, stored: StoredChatAccess): boolean {
  const key = abilityClass(ability);
  let byClass = chatDecided.get(stored);
  if (!byClass) chatDecided.set(stored, (byClass = new Map()));
  let visible = byClass.get(key);
  if (visible === undefined) {
    visible = ability.can('read', subject('ChatSession', { ...stored.access }) as never);
    byClass.set(key, visible);
  }
  return visible;
}
