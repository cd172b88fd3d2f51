/**
 * Date helpers shared by the timeline and the queues.
 *
 * Every function takes `now` and an optional IANA `timeZone` instead of reading the clock or the
 * runtime's zone itself, so the server render and the browser's hydration produce the same text.
 */

export type DateInput = Date | string | number;

export function toDate(value: DateInput): Date {
  return value instanceof Date ? value : new Date(value);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "4 min ago", "3 h ago", "2 d ago", then a short date ("Mar 4", or "Mar 4, 2024" in another year). */
export function formatRelativeTime(value: DateInput, now: DateInput = new Date(), timeZone?: string): string {
  const date = toDate(value);
  const diff = toDate(now).getTime() - date.getTime();
  if (Number.isNaN(diff)) return '';
  if (diff < 0) {
    // A clock slightly ahead of ours: treat small skews as "just now".
    if (diff > -MINUTE) return 'just now';
    return formatShortDate(date, now, timeZone);
  }
  if (diff < MINUTE) return 'just now';
  if (diff < HOUR) return `${Math.floor(diff / MINUTE)} min ago`;
  if (diff < DAY) return `${Math.floor(diff / HOUR)} h ago`;
  if (diff < 7 * DAY) return `${Math.floor(diff / DAY)} d ago`;
  return formatShortDate(date, now, timeZone);
}

/** "Mar 4" in the current year, "Mar 4, 2024" otherwise. */
export function formatShortDate(value: DateInput, now: DateInput = new Date(), timeZone?: string): string {
  const date = toDate(value);
  const sameYear = yearIn(date, timeZone) === yearIn(toDate(now), timeZone);
  return new Intl.DateTimeFormat('en-US', {
    month: 'short',
    day: 'numeric',
    ...(sameYear ? {} : { year: 'numeric' }),
    timeZone,
  }).format(date);
}

/** "14:05": the clock time shown on each timeline entry. */
export function formatClockTime(value: DateInput, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone }).format(
    toDate(value),
  );
}

/** Full, unambiguous date and time for tooltips: "Tue, 4 Mar 2025, 14:05 UTC". */
export function formatFullDateTime(value: DateInput, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone,
    timeZoneName: 'short',
  }).format(toDate(value));
}

/** A calendar-day key ("2025-03-04") in the given zone, for grouping entries under date separators. */
export function dayKey(value: DateInput, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).formatToParts(
    toDate(value),
  );
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** "Today", "Yesterday", or a date ("Wed, Mar 4"; with the year when it is not this year). */
export function formatDayLabel(
  value: DateInput,
  now: DateInput = new Date(),
  timeZone?: string,
  labels: { today?: string; yesterday?: string } = {},
): string {
  const date = toDate(value);
  const today = dayKey(now, timeZone);
  const key = dayKey(date, timeZone);
  if (key === today) return labels.today ?? 'Today';
  if (key === dayKey(toDate(now).getTime() - DAY, timeZone)) return labels.yesterday ?? 'Yesterday';
  const sameYear = yearIn(date, timeZone) === yearIn(toDate(now), timeZone);
  return new Intl.DateTimeFormat('en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    ...(sameYear ? {} : { year: 'numeric' }),
    timeZone,
  }).format(date);
}

function yearIn(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-US', { year: 'numeric', timeZone }).format(date);
}

/** Whether a string names a time zone this runtime knows (guards a zone read from a cookie or a form). */
export function isValidTimeZone(timeZone: string | null | undefined): timeZone is string {
  if (!timeZone || timeZone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone }).format(0);
    return true;
  } catch {
    return false;
  }
}
