import type { Ticket, Timeline, TimelineEntry } from '@switchboard/contracts';
import { dayKey, dayLabel, fullLabel, timeLabel } from './format.server';
import { humanize, LEVEL_LABELS, statusLabel, type Level } from './labels';
import type { SessionUser } from './session.server';

/** How many timeline pages the customer asked for with "Load older" (`?pages=N`, at most 20). */
export function olderPagesWanted(url: URL): number {
  const pages = Number.parseInt(url.searchParams.get('pages') ?? '1', 10);
  return Number.isInteger(pages) ? Math.min(Math.max(pages, 1), 20) : 1;
}

/** Follows olderCursor until `pages` pages are loaded; the API sends the newest page first. */
export async function withOlderPages(
  older: (before: string) => Promise<Timeline>,
  first: Timeline,
  pages: number,
): Promise<{ entries: TimelineEntry[]; hasOlder: boolean }> {
  let entries = first.entries;
  let cursor = first.olderCursor;
  for (let page = 1; page < pages && cursor; page++) {
    const next = await older(cursor);
    entries = [...next.entries, ...entries];
    cursor = next.olderCursor;
  }
  return { entries, hasOlder: cursor !== null };
}

/** One bubble or pill as the page shows it; everything is already words, no raw codes. */
export interface TimelineItem {
  id: number | 'description';
  kind: TimelineEntry['kind'];
  visibility: 'public';
  side: 'customer' | 'support' | 'event';
  mine: boolean;
  author: string;
  body: string;
  /** Sanitized HTML from the API, for messages and replies; null for events. */
  html: string | null;
  createdAt: string;
  time: string;
  timeTitle: string;
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
export function buildTimeline(
  ticket: Ticket,
  entries: TimelineEntry[],
  user: SessionUser,
  now = new Date(),
  /** More entries exist before these: the description is not "missing", just not loaded. */
  hasOlder = false,
): TimelineDay[] {
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
      html: side === 'event' ? null : entry.bodyHtml || null,
      createdAt: entry.createdAt,
      time: timeLabel(entry.createdAt),
      timeTitle: fullLabel(entry.createdAt),
    };
  });

  const description = ticket.description.trim();
  const described = visible.some((e) => e.kind === 'message' && e.body.trim() === description);
  if (description && !described && !hasOlder) {
    const mine = ticket.requester.id === user.id;
    items.unshift({
      id: 'description',
      kind: 'message',
      visibility: 'public',
      side: 'customer',
      mine,
      author: mine ? 'You' : ticket.requester.name,
      body: ticket.description,
      html: null,
      createdAt: ticket.createdAt,
      time: timeLabel(ticket.createdAt),
      timeTitle: fullLabel(ticket.createdAt),
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
