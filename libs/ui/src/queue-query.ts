import { zListTicketsInput, type ListTicketsInput, type TicketSort } from '@switchboard/contracts';

/**
 * The queue's filters live in the query string (bookmarkable, shareable, and a GET form works without
 * JavaScript). This turns a query string into tickets.list input, dropping values the API would
 * reject instead of failing the page, and builds the links (sort, quick filters, paging) back.
 * Custom field filters are `f.<key>=value`.
 */
export const FILTER_KEYS = [
  'status',
  'urgency',
  'importance',
  'assignee',
  'teamId',
  'issueTypeId',
  'categoryId',
  'requesterId',
  'companyId',
  'tag',
  'q',
  'createdFrom',
  'createdTo',
  'updatedFrom',
  'updatedTo',
  'due',
  'sort',
  'direction',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Filters as strings, the way the form and the URL carry them (custom fields as `f.<key>`). */
export type QueueFilters = Record<string, string>;

export const FIELD_FILTER_PREFIX = 'f.';

type Shape = typeof zListTicketsInput.shape;

/** The query string's filters, cleaned: unknown keys and invalid values are dropped. */
export function filtersFromSearch(search: URLSearchParams): QueueFilters {
  const filters: QueueFilters = {};
  for (const key of FILTER_KEYS) {
    // A multi-select or checkboxes post a key several times: status=open&status=on_hold.
    const value = search
      .getAll(key)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean)
      .join(',');
    if (!value) continue;
    const schema = (zListTicketsInput.shape as Shape)[key];
    if (schema.safeParse(value).success) filters[key] = value;
  }
  for (const [name, value] of search) {
    if (!name.startsWith(FIELD_FILTER_PREFIX) || !value.trim()) continue;
    const key = name.slice(FIELD_FILTER_PREFIX.length);
    if (/^[a-z][a-z0-9_]{0,59}$/.test(key)) filters[name] = value.trim().slice(0, 200);
  }
  // Custom field filters only mean something within one issue type.
  if (!filters.issueTypeId) for (const name of Object.keys(filters)) if (name.startsWith(FIELD_FILTER_PREFIX)) delete filters[name];
  return filters;
}

/** tickets.list input for these filters (paging added by the caller). */
export function listInput(filters: QueueFilters): ListTicketsInput {
  const input: Record<string, unknown> = {};
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(filters)) {
    if (name.startsWith(FIELD_FILTER_PREFIX)) fields[name.slice(FIELD_FILTER_PREFIX.length)] = value;
    else input[name] = value;
  }
  if (Object.keys(fields).length) input.fields = fields;
  // The schema coerces ids and splits the status list.
  return zListTicketsInput.parse(input) as ListTicketsInput;
}

/** A queue URL with these filters; `changes` set (or, with undefined, remove) single keys. */
export function queueHref(filters: QueueFilters, changes: Record<string, string | undefined> = {}, path = '/tickets'): string {
  const params = new URLSearchParams();
  const merged: Record<string, string | undefined> = { ...filters, ...changes };
  for (const [key, value] of Object.entries(merged)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/**
 * Clicking a column: sort by it, newest/highest first (the SLA due time: soonest first); clicking it again
 * flips the direction.
 */
export function sortHref(filters: QueueFilters, column: TicketSort, path = '/tickets'): string {
  const current = (filters.sort ?? 'created') as TicketSort;
  const first = column === 'due' ? 'asc' : 'desc';
  const flipped = first === 'asc' ? 'desc' : 'asc';
  const direction = current === column && (filters.direction ?? 'desc') === first ? flipped : first;
  return queueHref(filters, { sort: column, direction, cursor: undefined }, path);
}

/** Whether anything narrows the queue (sorting does not). */
export function isFiltered(filters: QueueFilters): boolean {
  return Object.keys(filters).some((k) => k !== 'sort' && k !== 'direction');
}

export const OPEN_STATUSES = 'open,in_progress,waiting_on_customer,on_hold';

/** One-click queues. */
export const QUICK_FILTERS: readonly { id: string; label: string; filters: QueueFilters }[] = [
  { id: 'mine', label: 'My open', filters: { assignee: 'me', status: OPEN_STATUSES } },
  { id: 'unassigned', label: 'Unassigned', filters: { assignee: 'none', status: OPEN_STATUSES } },
  { id: 'critical', label: 'Critical', filters: { urgency: 'critical' } },
  { id: 'waiting', label: 'Waiting on customer', filters: { status: 'waiting_on_customer' } },
  { id: 'recent', label: 'Recently updated', filters: { sort: 'updated', direction: 'desc' } },
  { id: 'overdue', label: 'Overdue', filters: { due: 'overdue', sort: 'due', direction: 'asc' } },
  { id: 'due-soon', label: 'Due in the next hour', filters: { due: 'next_hour', sort: 'due', direction: 'asc' } },
];

/** The quick filter these filters are exactly, if any (the default sort does not count). */
export function activeQuickFilter(filters: QueueFilters): string | undefined {
  const normal = (f: QueueFilters) =>
    JSON.stringify(
      Object.entries(f)
        .filter(([k, v]) => k !== 'cursor' && !(k === 'direction' && v === 'desc') && !(k === 'sort' && v === 'created'))
        .sort(([a], [b]) => a.localeCompare(b)),
    );
  const current = normal(filters);
  return QUICK_FILTERS.find((q) => normal(q.filters) === current)?.id;
}
