import type { Attachment, CustomFieldValue, Mention, Named, Ticket, TimelineEntry } from '@switchboard/contracts';
import type { AuthUser } from '../common/actor.js';
import type { UserModel } from '../users/user.model.js';
import { entryHtml } from './bodies/entry-body.js';
import { toPerson } from '../users/user.mapper.js';
import type { TicketEntryModel } from './ticket-entry.model.js';
import type { TicketModel } from './ticket.model.js';

type PersonRecord = Pick<UserModel, 'id' | 'name' | 'email' | 'role' | 'companyId'>;
type TicketRecord = Pick<
  TicketModel,
  | 'id' | 'subject' | 'description' | 'status' | 'urgency' | 'importance' | 'priority' | 'channel'
  | 'companyId' | 'version' | 'createdAt' | 'updatedAt'
> & {
  requester?: PersonRecord;
  assignee?: PersonRecord | null;
  issueType?: NamedRecord | null;
  category?: NamedRecord | null;
  team?: NamedRecord | null;
};
/** Loaded models declare their id optional; loaded rows always have one. */
type NamedRecord = { id?: number; name: string };
type EntryRecord = Pick<
  TicketEntryModel,
  'id' | 'ticketId' | 'kind' | 'visibility' | 'body' | 'channel' | 'eventField' | 'eventFrom' | 'eventTo' | 'createdAt'
> & { author?: PersonRecord | null; bodyHtml?: string | null };

/** What the ticket row itself does not hold; loaded in bulk by TicketPresenter. */
export interface TicketExtras {
  tags: string[];
  customFields: Record<string, CustomFieldValue>;
}

const named = (n: NamedRecord | null | undefined): Named | null => (n ? { id: n.id!, name: n.name } : null);

/** The one place that decides what of a ticket leaves the module. */
export function toTicket(ticket: TicketRecord, viewer: AuthUser, extras: TicketExtras): Ticket {
  const requester = ticket.requester;
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
    assignee: ticket.assignee ? toPerson(ticket.assignee, viewer) : null,
    companyId: ticket.companyId ?? null,
    issueType: named(ticket.issueType),
    category: named(ticket.category),
    team: viewer.role === 'customer' ? null : named(ticket.team),
    tags: viewer.role === 'customer' ? [] : extras.tags,
    customFields: extras.customFields,
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
  attachments: Attachment[] = [],
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
    attachments,
    bodyHtml: entryHtml(entry),
    mentions: entry.kind === 'note' ? mentions : [],
  };
}
