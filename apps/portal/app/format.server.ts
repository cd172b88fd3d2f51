import { config } from './config.server';

/*
 * Dates are formatted on the server, in one configured time zone, and sent as text:
 * the portal works without JavaScript, and the browser never re-renders a date differently.
 */

const dayKeyFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: config.timeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const dayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: config.timeZone, weekday: 'short', day: 'numeric', month: 'short' });
const dayWithYearFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: config.timeZone,
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: config.timeZone, hour: '2-digit', minute: '2-digit' });
const fullFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: config.timeZone,
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});

function toDate(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** YYYY-MM-DD in the configured zone, to group entries by day. */
export function dayKey(iso: string): string {
  const d = toDate(iso);
  return d ? dayKeyFormat.format(d) : 'unknown';
}

/** "Today", "Yesterday", "Mon 6 Oct", or "6 Oct 2024" for another year. */
export function dayLabel(iso: string, now = new Date()): string {
  const d = toDate(iso);
  if (!d) return 'Unknown date';
  const key = dayKeyFormat.format(d);
  if (key === dayKeyFormat.format(now)) return 'Today';
  if (key === dayKeyFormat.format(new Date(now.getTime() - 86_400_000))) return 'Yesterday';
  return key.slice(0, 4) === dayKeyFormat.format(now).slice(0, 4) ? dayFormat.format(d) : dayWithYearFormat.format(d);
}

/** "14:05" */
export function timeLabel(iso: string): string {
  const d = toDate(iso);
  return d ? timeFormat.format(d) : '';
}

/** "Today 14:05", "Yesterday 09:12", "Mon 6 Oct 14:05": for lists. */
export function whenLabel(iso: string, now = new Date()): string {
  const d = toDate(iso);
  return d ? `${dayLabel(iso, now)}, ${timeFormat.format(d)}` : 'Unknown date';
}

/** Full date for a tooltip: "6 Oct 2025, 14:05 UTC" */
export function fullLabel(iso: string): string {
  const d = toDate(iso);
  return d ? fullFormat.format(d) : '';
}
