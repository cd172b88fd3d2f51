import type { EntryKind } from '@switchboard/contracts';

/** The timeline's kind filter: what each choice asks the API for (`undefined`: every kind). */
export const TIMELINE_FILTERS = {
  all: undefined,
  messages: ['message', 'reply', 'call'],
  notes: ['note'],
  events: ['event'],
} as const satisfies Record<string, readonly EntryKind[] | undefined>;
export type TimelineFilter = keyof typeof TIMELINE_FILTERS;

export const TIMELINE_FILTER_LABELS: Record<TimelineFilter, string> = {
  all: 'All',
  messages: 'Messages',
  notes: 'Notes',
  events: 'Events',
};

/** A filter name from a query-string value; anything unknown is 'all'. */
export function parseTimelineFilter(value: string | null | undefined): TimelineFilter {
  return value && value in TIMELINE_FILTERS ? (value as TimelineFilter) : 'all';
}

export function timelineFilterKinds(filter: TimelineFilter): EntryKind[] | undefined {
  const kinds = TIMELINE_FILTERS[filter];
  return kinds ? [...kinds] : undefined;
}
