import type { TimelineEntry } from '@switchboard/contracts';
import { dayKey, toDate } from './relative-time.js';
import type { Viewer } from './labels.js';

/** Entries by one author, of one kind, close together in time: rendered under one header. */
export interface TimelineGroup {
  type: 'group';
  key: string;
  side: 'customer' | 'staff';
  kind: 'message' | 'reply' | 'note';
  entries: TimelineEntry[];
}

export interface TimelineEventItem {
  type: 'event';
  key: string;
  entry: TimelineEntry;
}

/** A phone call: a card of its own, never grouped. */
export interface TimelineCallItem {
  type: 'call';
  key: string;
  entry: TimelineEntry;
}

export interface TimelineDaySeparator {
  type: 'day';
  key: string;
  /** Any instant on that day, for the label. */
  at: string;
}

export type TimelineItem = TimelineGroup | TimelineEventItem | TimelineCallItem | TimelineDaySeparator;

/** Consecutive entries closer than this (from one author, of one kind) share a header. */
export const GROUP_WINDOW_MS = 5 * 60_000;

/**
 * Whether an entry may be shown to this viewer. A customer never gets an internal entry, even if an API
 * bug or a stale cache handed one over: the timeline filters again (defence in depth).
 */
export function isVisibleTo(entry: TimelineEntry, viewer: Viewer): boolean {
  if (viewer === 'agent') return true;
  return entry.visibility === 'public' && entry.kind !== 'note';
}

/** Chronological order (oldest first), ties broken by id so the order is stable. */
export function sortEntries(entries: readonly TimelineEntry[]): TimelineEntry[] {
  return [...entries].sort((a, b) => {
    const diff = toDate(a.createdAt).getTime() - toDate(b.createdAt).getTime();
    return diff !== 0 ? diff : a.id - b.id;
  });
}

/** Flattens entries into date separators, event pills and author groups, in display order. */
export function buildTimelineItems(
  entries: readonly TimelineEntry[],
  viewer: Viewer,
  timeZone?: string,
): TimelineItem[] {
  const items: TimelineItem[] = [];
  let currentDay: string | null = null;
  let group: TimelineGroup | null = null;

  for (const entry of sortEntries(entries.filter((e) => isVisibleTo(e, viewer)))) {
    const day = dayKey(entry.createdAt, timeZone);
    if (day !== currentDay) {
      currentDay = day;
      group = null;
      items.push({ type: 'day', key: `day-${day}`, at: entry.createdAt });
    }

    if (entry.kind === 'event') {
      group = null;
      items.push({ type: 'event', key: `entry-${entry.id}`, entry });
      continue;
    }
    if (entry.kind === 'call') {
      group = null;
      items.push({ type: 'call', key: `entry-${entry.id}`, entry });
      continue;
    }

    const kind = entry.kind;
    if (group && canJoin(group, entry)) {
      group.entries.push(entry);
      continue;
    }
    group = {
      type: 'group',
      key: `group-${entry.id}`,
      side: kind === 'message' ? 'customer' : 'staff',
      kind,
      entries: [entry],
    };
    items.push(group);
  }
  return items;
}

function canJoin(group: TimelineGroup, entry: TimelineEntry): boolean {
  if (group.kind !== entry.kind) return false;
  const last = group.entries[group.entries.length - 1]!;
  if (!last.author || !entry.author || last.author.id !== entry.author.id) return false;
  if (last.channel !== entry.channel) return false;
  const gap = toDate(entry.createdAt).getTime() - toDate(last.createdAt).getTime();
  return gap >= 0 && gap <= GROUP_WINDOW_MS;
}
