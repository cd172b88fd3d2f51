import type { Mention, Ticket, TimelineEntry } from '@switchboard/contracts';
import type { AuthUser } from '../common/actor.js';
import type { UserModel } from '../users/user.model.js';
import { entryHtml } from './bodies/entry-body.js';
import { toPerson } from '../users/user.mapper.js';
import type { TicketEntryModel } from './ticket-entry.model.js';
import type { TicketModel } from './ticket.model.js';

type PersonRecord = Pick<UserModel, 'id' | 'name' | 'email' | 'role'>;
type TicketRecord = Pick<
  TicketModel,
  | 'id' | 'subject' | 'description' | 'status' | 'urgency' | 'importance' | 'priority' | 'channel'
  | 'companyId' | 'version' | 'createdAt' | 'updatedAt'
> & { requester?: PersonRecord; assignee?: PersonRecord | null };
type EntryRecord = Pick<
  TicketEntryModel,
  'id' | 'ticketId' | 'kind' | 'visibility' | 'body' | 'channel' | 'eventField' | 'eventFrom' | 'eventTo' | 'createdAt'
> & { author?: PersonRecord | null; bodyHtml?: string | null };

/**
 * The one place that decides what of a ticket leaves the module. The requester and assignee come
 * from the loaded associations unless the caller already has them (a ticket it just created).
 */
export function toTicket(
  ticket: TicketRecord,
  viewer: AuthUser,
  people: { requester?: PersonRecord; assignee?: PersonRecord | null } = {},
): Ticket {
  const requester = people.requester ?? ticket.requester;
  const assignee = people.assignee !== undefined ? people.assignee : ticket.assignee;
  if (!requester) throw new Error(`ticket ${ticket.id} mapped without its requester`);
  return {
    id: ticket.id,
    number: ticket.id,
    subject: ticket.subject,
    description: ticket.description,
    status: ticket.status,
    urgency: ticket.urgency,
    importance: ticket.importance,
    priority: ticket.priority,
    channel: ticket.channel,
    requester: toPerson(requester, viewer),
    assignee: assignee ? toPerson(assignee, viewer) : null,
    companyId: ticket.companyId ?? null,
    version: ticket.version,
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
  };
}

/** `mentions`: the staff @mentioned in a note (only notes carry them). */
export function toTimelineEntry(
  entry: EntryRecord,
  viewer: AuthUser,
  author?: PersonRecord | null,
  mentions: Mention[] = [],
): TimelineEntry {
  const by = author !== undefined ? author : (entry.author ?? null);
  return {
    id: Number(entry.id),
    ticketId: entry.ticketId,
    kind: entry.kind,
    visibility: entry.visibility,
    body: entry.body,
    channel: entry.channel,
    author: by ? toPerson(by, viewer) : null,
    event: entry.kind === 'event' ? { field: entry.eventField ?? '', from: entry.eventFrom, to: entry.eventTo } : null,
    createdAt: entry.createdAt.toISOString(),
    bodyHtml: entryHtml(entry),
    mentions: entry.kind === 'note' ? mentions : [],
  };
}
