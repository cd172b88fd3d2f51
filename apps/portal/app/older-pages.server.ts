import type { Timeline, TimelineEntry } from '@switchboard/contracts';

/** How many timeline pages the page asks for (`?pages=N`, "Load older" adds one; at most 20). */
export function olderPagesWanted(url: URL): number {
  const pages = Number.parseInt(url.searchParams.get('pages') ?? '1', 10);
  return Number.isInteger(pages) ? Math.min(Math.max(pages, 1), 20) : 1;
}

/** Follows olderCursor from the newest page until `pages` pages are loaded; entries stay in date order. */
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
