import type { EntryKind, Timeline, TimelineEntry } from '@switchboard/contracts';
import { parseTimelineFilter, timelineFilterKinds, type TimelineFilter } from '@switchboard/ui';

/** How many pages "Load older" may stack up (50 entries each). */
export const MAX_TIMELINE_PAGES = 20;

export interface TimelineView {
  filter: TimelineFilter;
  pages: number;
}

/** `?show=notes&pages=3` -> the kind filter and how many pages (newest first) the agent asked for. */
export function timelineViewFrom(url: URL): TimelineView {
  const pages = Number.parseInt(url.searchParams.get('pages') ?? '1', 10);
  return {
    filter: parseTimelineFilter(url.searchParams.get('show')),
    pages: Number.isInteger(pages) ? Math.min(Math.max(pages, 1), MAX_TIMELINE_PAGES) : 1,
  };
}

/** The query string for a view; the defaults are left out so the plain ticket URL stays clean. */
export function timelineSearch(view: TimelineView): string {
  const params = new URLSearchParams();
  if (view.filter !== 'all') params.set('show', view.filter);
  if (view.pages > 1) params.set('pages', String(view.pages));
  const search = params.toString();
  return search ? `?${search}` : '';
}

type TimelineQuery = (input: { id: number; before?: string; kinds?: EntryKind[] }) => Promise<Timeline>;

/**
 * The first page comes with the loader's other calls; "Load older" asks for one more page each time
 * (a GET link, so it works without JavaScript), and the loader follows olderCursor that many times.
 */
export async function loadOlderPages(
  query: TimelineQuery,
  id: number,
  view: TimelineView,
  first: Timeline,
): Promise<{ entries: TimelineEntry[]; hasOlder: boolean }> {
  let entries = first.entries;
  let cursor = first.olderCursor;
  for (let page = 1; page < view.pages && cursor; page++) {
    const older = await query({ id, before: cursor, kinds: timelineFilterKinds(view.filter) });
    entries = [...older.entries, ...entries];
    cursor = older.olderCursor;
  }
  return { entries, hasOlder: cursor !== null };
}
