import { formatClockTime, formatDayLabel, formatFullDateTime } from '@switchboard/ui';
import { config } from './config.server';

/*
 * Dates are formatted on the server, in one configured time zone (TIME_ZONE), with the same helpers
 * as the shared Timeline (which the ticket page gives the same zone and "now"): the portal works
 * without JavaScript, and the browser never re-renders a date differently.
 */

function valid(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "Today, 14:05", "Yesterday, 09:12", "Mon, Oct 6, 14:05": for lists and the ticket header. */
export function whenLabel(iso: string, now = new Date()): string {
  const d = valid(iso);
  return d ? `${formatDayLabel(d, now, config.timeZone)}, ${formatClockTime(d, config.timeZone)}` : 'Unknown date';
}

/** "14:05" */
export function timeLabel(iso: string): string {
  const d = valid(iso);
  return d ? formatClockTime(d, config.timeZone) : '';
}

/** Full date for a tooltip: "Mon, 6 Oct 2025, 14:05 UTC" */
export function fullLabel(iso: string): string {
  const d = valid(iso);
  return d ? formatFullDateTime(d, config.timeZone) : '';
}
