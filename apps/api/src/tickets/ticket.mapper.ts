import type { Ticket, TimelineEntry } from '@switchboard/contracts';
import type { AuthUser } from '../common/actor.js';
import { toPerson } from '../users/user.mapper.js';
import type { TicketEntryModel } from './ticket-entry.model.js';
import type { TicketModel } from './ticket.model.js';

/** The one place that decides what of a ticket leaves the module. Expects requester and assignee loaded. */
export function toTicket(ticket: TicketModel, viewer: AuthUser): Ticket {
  if (!ticket.requester) throw new Error(`ticket ${ticket.id} mapped without its requester`);
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
    requester: toPerson(ticket.requester, viewer),
    assignee: ticket.assignee ? toPerson(ticket.assignee, viewer) : null,
    companyId: ticket.companyId ?? null,
    version: ticket.version,
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
  };
}

export function toTimelineEntry(entry: TicketEntryModel, viewer: AuthUser): TimelineEntry {
  return {
    id: Number(entry.id),
    ticketId: entry.ticketId,
    kind: entry.kind,
    visibility: entry.visibility,
    body: entry.body,
    channel: entry.channel,
    author: entry.author ? toPerson(entry.author, viewer) : null,
    event: entry.kind === 'event' ? { field: entry.eventField ?? '', from: entry.eventFrom, to: entry.eventTo } : null,
    createdAt: entry.createdAt.toISOString(),
  };
}
