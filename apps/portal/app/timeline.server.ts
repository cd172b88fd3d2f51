import type { Attachment, Ticket, TimelineEntry } from '@switchboard/contracts';
import { dayKey, dayLabel, fullLabel, timeLabel } from './format.server';
import { humanize, LEVEL_LABELS, statusLabel, type Level } from './labels';
import type { SessionUser } from './session.server';

/** One bubble or pill as the page shows it; everything is already words, no raw codes. */
export interface TimelineItem {
  id: number | 'description';
  kind: TimelineEntry['kind'];
  visibility: 'public';
  side: 'customer' | 'support' | 'event';
  mine: boolean;
  author: string;
  body: string;
  createdAt: string;
  time: string;
  timeTitle: string;
  /** Files on the entry, without the API's url: the page links them through the portal's /attachments/:id. */
  attachments: Array<Omit<Attachment, 'url'>>;
}

export interface TimelineDay {
  key: string;
  label: string;
  items: TimelineItem[];
}

function levelLabel(value: string | null): string {
  return value && value in LEVEL_LABELS ? LEVEL_LABELS[value as Level] : humanize(value ?? 'none');
}

/** "Status changed to Resolved", "Urgency changed to High", ... */
export function eventText(entry: Pick<TimelineEntry, 'event' | 'body'>): string {
  const event = entry.event;
  const fallback = entry.body.trim();
  if (!event) return fallback || 'Ticket updated';
  const field = event.field.replace(/Id$/, '').toLowerCase();
  switch (field) {
    case 'status':
      return event.to ? `Status changed to ${statusLabel(event.to)}` : 'Status cleared';
    case 'urgency':
      return `Urgency changed to ${levelLabel(event.to)}`;
    case 'importance':
      return `Impact changed to ${levelLabel(event.to)}`;
    case 'assignee':
      return event.to ? 'A support agent is handling this ticket' : 'Waiting for a support agent';
    case 'created':
    case 'ticket':
      return fallback || 'Ticket opened';
    default:
      if (fallback) return fallback;
      return event.to ? `${humanize(event.field)} changed to ${humanize(event.to)}` : `${humanize(event.field)} cleared`;
  }
}

/** Whether a customer may see this entry. The API already filters; this is the second lock. */
export function isCustomerVisible(entry: Pick<TimelineEntry, 'visibility' | 'kind'>): boolean {
  return entry.visibility === 'public' && entry.kind !== 'note';
}

/**
 * Public entries in time order, grouped by day, with the ticket's description first
 * when the timeline does not already carry it as the first message.
 */
export function buildTimeline(ticket: Ticket, entries: TimelineEntry[], user: SessionUser, now = new Date()): TimelineDay[] {
  const visible = entries
    .filter(isCustomerVisible)
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id);

  const items: TimelineItem[] = visible.map((entry) => {
    const side = entry.kind === 'event' ? 'event' : entry.kind === 'reply' ? 'support' : 'customer';
    const mine = side === 'customer' && entry.author?.id === user.id;
    return {
      id: entry.id,
      kind: entry.kind,
      visibility: 'public',
      side,
      mine,
      author: side === 'support' ? 'Support' : side === 'event' ? '' : mine ? 'You' : (entry.author?.name ?? 'Customer'),
      body: side === 'event' ? eventText(entry) : entry.body,
      createdAt: entry.createdAt,
      time: timeLabel(entry.createdAt),
      timeTitle: fullLabel(entry.createdAt),
      attachments: (entry.attachments ?? []).map(({ id, filename, contentType, size }) => ({ id, filename, contentType, size })),
    };
  });

  const description = ticket.description.trim();
  const described = visible.some((e) => e.kind === 'message' && e.body.trim() === description);
  if (description && !described) {
    const mine = ticket.requester.id === user.id;
    items.unshift({
      id: 'description',
      kind: 'message',
      visibility: 'public',
      side: 'customer',
      mine,
      author: mine ? 'You' : ticket.requester.name,
      body: ticket.description,
      createdAt: ticket.createdAt,
      time: timeLabel(ticket.createdAt),
      timeTitle: fullLabel(ticket.createdAt),
      attachments: [],
    });
  }

  const days: TimelineDay[] = [];
  for (const item of items) {
    const key = dayKey(item.createdAt);
    let day = days.at(-1);
    if (!day || day.key !== key) {
      day = { key, label: dayLabel(item.createdAt, now), items: [] };
      days.push(day);
    }
    day.items.push(item);
  }
  return days;
}
