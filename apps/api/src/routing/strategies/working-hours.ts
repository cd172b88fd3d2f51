import type { WorkingHours } from '@switchboard/contracts';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The weekday (0 = Sunday) and "HH:MM" it is at `now` in `timezone` (an unknown zone counts as UTC). */
export function localTime(now: Date, timezone: string): { day: number; time: string } {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone: timezone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  } catch {
    format = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  }
  const parts = Object.fromEntries(format.formatToParts(now).map((p) => [p.type, p.value]));
  return { day: WEEKDAYS.indexOf(parts.weekday), time: `${parts.hour}:${parts.minute}` };
}

/**
 * Whether an agent works at `now`: no hours set means no limit; otherwise the local weekday must
 * have a span with start <= time < end, in the agent's own time zone (so DST moves with them).
 */
export function isWithinWorkingHours(hours: WorkingHours | null | undefined, timezone: string, now: Date): boolean {
  if (!hours || hours.length === 0) return true;
  const { day, time } = localTime(now, timezone);
  return hours.some((span) => span.day === day && span.start <= time && time < span.end);
}

/** users.working_hours is JSON text; unreadable text counts as "no hours set" rather than "never". */
export function parseWorkingHours(text: string | null): WorkingHours | null {
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? (parsed as WorkingHours) : null;
  } catch {
    return null;
  }
}
