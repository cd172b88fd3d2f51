import { describe, expect, it } from '@jest/globals';
import type { TimelineEntry } from '@switchboard/contracts';
import { buildTimelineItems, isVisibleTo, type TimelineGroup } from './timeline-model.js';
import { describeEvent } from './timeline-labels.js';
import { formatDayLabel, formatRelativeTime } from './relative-time.js';

const cody = { id: 5, name: 'Cody Customer', email: 'c@acme.test', role: 'customer' as const };
const ana = { id: 3, name: 'Ana Agent', email: 'a@acme.test', role: 'agent' as const };

let nextId = 1;
function entry(partial: Partial<TimelineEntry> & Pick<TimelineEntry, 'kind' | 'createdAt'>): TimelineEntry {
  return {
    id: nextId++,
    ticketId: 1001,
    visibility: partial.kind === 'note' ? 'internal' : 'public',
    body: 'text',
    channel: 'portal',
    author: cody,
    event: null,
    bodyHtml: '<p>text</p>',
    mentions: [],
    ...partial,
  };
}

describe('timeline model', () => {
  const entries = [
    entry({ kind: 'message', createdAt: '2025-03-03T09:00:00Z' }),
    entry({ kind: 'message', createdAt: '2025-03-03T09:03:00Z' }),
    entry({ kind: 'event', author: ana, event: { field: 'status', from: 'open', to: 'in_progress' }, createdAt: '2025-03-03T09:10:00Z' }),
    entry({ kind: 'note', author: ana, createdAt: '2025-03-03T09:11:00Z', body: 'secret' }),
    entry({ kind: 'reply', author: ana, channel: 'email', createdAt: '2025-03-03T09:12:00Z' }),
    entry({ kind: 'message', createdAt: '2025-03-04T08:00:00Z' }),
    entry({ kind: 'message', createdAt: '2025-03-04T08:30:00Z' }),
  ];

  it('never shows an internal entry to a customer, whatever the API sent', () => {
    const leaked = entry({ kind: 'reply', visibility: 'internal', author: ana, createdAt: '2025-03-03T09:13:00Z' });
    expect(isVisibleTo(leaked, 'customer')).toBe(false);
    const items = buildTimelineItems([...entries, leaked], 'customer', 'UTC');
    const shown = items.flatMap((i) => (i.type === 'group' ? i.entries : i.type === 'event' ? [i.entry] : []));
    expect(shown.some((e) => e.visibility === 'internal' || e.kind === 'note')).toBe(false);
    expect(buildTimelineItems(entries, 'agent', 'UTC').some((i) => i.type === 'group' && i.kind === 'note')).toBe(true);
  });

  it('separates days, groups close entries by one author, and keeps events apart', () => {
    const items = buildTimelineItems([...entries].reverse(), 'agent', 'UTC');
    expect(items.map((i) => i.type)).toEqual(['day', 'group', 'event', 'group', 'group', 'day', 'group', 'group']);
    expect((items[1] as TimelineGroup).entries).toHaveLength(2);
    // 30 minutes apart: two groups even though the author is the same.
    expect((items[6] as TimelineGroup).entries).toHaveLength(1);
  });

  it('puts day boundaries in the viewer\'s time zone', () => {
    const late = [entry({ kind: 'message', createdAt: '2025-03-03T23:30:00Z' }), entry({ kind: 'message', createdAt: '2025-03-04T00:10:00Z' })];
    expect(buildTimelineItems(late, 'agent', 'UTC').filter((i) => i.type === 'day')).toHaveLength(2);
    expect(buildTimelineItems(late, 'agent', 'America/New_York').filter((i) => i.type === 'day')).toHaveLength(1);
  });
});

describe('labels and dates', () => {
  it('describes field changes as a sentence', () => {
    const e = entry({ kind: 'event', author: ana, event: { field: 'status', from: 'open', to: 'in_progress' }, createdAt: '2025-03-03T09:10:00Z' });
    expect(describeEvent(e, 'agent', 'Ana')).toBe('Ana changed status from Open to In progress');
    const u = entry({ kind: 'event', event: { field: 'urgency', from: null, to: 'critical' }, createdAt: '2025-03-03T09:10:00Z' });
    expect(describeEvent(u, 'agent', 'System')).toBe('System set urgency to Critical');
  });

  it('says Today, Yesterday or the date', () => {
    const now = '2025-03-04T12:00:00Z';
    expect(formatDayLabel('2025-03-04T01:00:00Z', now, 'UTC')).toBe('Today');
    expect(formatDayLabel('2025-03-03T23:00:00Z', now, 'UTC')).toBe('Yesterday');
    expect(formatDayLabel('2025-02-27T10:00:00Z', now, 'UTC')).toBe('Thu, Feb 27');
    expect(formatDayLabel('2024-02-27T10:00:00Z', now, 'UTC')).toBe('Tue, Feb 27, 2024');
  });

  it('gives relative times', () => {
    const now = '2025-03-04T12:00:00Z';
    expect(formatRelativeTime('2025-03-04T11:59:30Z', now)).toBe('just now');
    expect(formatRelativeTime('2025-03-04T11:55:00Z', now)).toBe('5 min ago');
    expect(formatRelativeTime('2025-03-04T09:00:00Z', now)).toBe('3 h ago');
    expect(formatRelativeTime('2025-03-02T12:00:00Z', now)).toBe('2 d ago');
    expect(formatRelativeTime('2025-01-02T12:00:00Z', now, 'UTC')).toBe('Jan 2');
  });
});
