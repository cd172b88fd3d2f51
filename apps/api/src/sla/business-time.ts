import { DateTime } from 'luxon';

/** One opening span on a weekday, in the calendar's local time ('HH:mm'; the end may be '24:00'). */
export interface OpeningSpan {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  day: number;
  start: string;
  end: string;
}

/** What business-time arithmetic needs from a calendar: where it is, when it is open, when it is closed. */
export interface BusinessHours {
  timezone: string;
  /** Several spans on one day are a split shift. Spans do not cross midnight (use 22:00-24:00 + 00:00-06:00). */
  weekly: OpeningSpan[];
  /** Local dates ('YYYY-MM-DD') on which the calendar is closed all day. */
  holidays: string[];
}

const MINUTE = 60_000;
/** A calendar open less than this often (e.g. no spans at all) is refused rather than looped over forever. */
const MAX_DAYS = 3 * 366;

export const ALWAYS_OPEN: BusinessHours = {
  timezone: 'UTC',
  weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '24:00' })),
  holidays: [],
};

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

export function parseHhmm(value: string): number {
  if (!HHMM.test(value)) throw new RangeError(`"${value}" is not a time of day (HH:mm, 00:00 to 24:00)`);
  const [h, m] = value.split(':').map(Number);
  return h * 60 + m;
}

/** Problems with a calendar, each naming the offending part; empty when it is usable. */
export function calendarProblems(hours: BusinessHours): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (!DateTime.local().setZone(hours.timezone).isValid) problems.push({ field: 'timezone', message: `"${hours.timezone}" is not an IANA time zone` });
  hours.weekly.forEach((span, i) => {
    const field = `weekly.${i}`;
    if (!Number.isInteger(span.day) || span.day < 1 || span.day > 7) return problems.push({ field, message: 'day must be 1 (Monday) to 7 (Sunday)' });
    if (!HHMM.test(span.start) || !HHMM.test(span.end) || span.start === '24:00') {
      return problems.push({ field, message: 'start and end must be times of day (HH:mm)' });
    }
    if (parseHhmm(span.end) <= parseHhmm(span.start)) return problems.push({ field, message: 'end must be after start' });
    const overlaps = hours.weekly.some(
      (other, j) => j !== i && other.day === span.day && parseHhmm(other.start) < parseHhmm(span.end) && parseHhmm(span.start) < parseHhmm(other.end),
    );
    if (overlaps) problems.push({ field, message: 'overlaps another span on the same day' });
  });
  for (const [i, date] of hours.holidays.entries()) {
    if (!DateTime.fromISO(date, { zone: 'UTC' }).isValid || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      problems.push({ field: `holidays.${i}`, message: `"${date}" is not a date (YYYY-MM-DD)` });
    }
  }
  if (problems.length === 0 && hours.weekly.length === 0) problems.push({ field: 'weekly', message: 'the calendar is never open' });
  return problems;
}

/**
 * The open intervals (epoch ms, ascending) of one local day. Local times are turned into instants in
 * the calendar's zone, so a day with a daylight-saving change simply has a shorter or longer span;
 * a span starting in the skipped hour starts when the clock resumes.
 */
function dayIntervals(hours: BusinessHours, day: DateTime, holidays: Set<string>): [number, number][] {
  if (holidays.has(day.toISODate()!)) return [];
  const at = (minutes: number) =>
    minutes === 24 * 60
      ? day.plus({ days: 1 }).startOf('day').toMillis()
      : day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 }).toMillis();
  return hours.weekly
    .filter((s) => s.day === day.weekday)
    .map((s) => [at(parseHhmm(s.start)), at(parseHhmm(s.end))] as [number, number])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
}

function* openIntervalsFrom(hours: BusinessHours, from: number): Generator<[number, number]> {
  const holidays = new Set(hours.holidays);
  let day = DateTime.fromMillis(from, { zone: hours.timezone }).startOf('day');
  if (!day.isValid) throw new RangeError(`"${hours.timezone}" is not an IANA time zone`);
  for (let i = 0; i < MAX_DAYS; i++, day = day.plus({ days: 1 })) {
    for (const [a, b] of dayIntervals(hours, day, holidays)) if (b > from) yield [Math.max(a, from), b];
  }
  throw new RangeError(`the calendar has no open hours within ${MAX_DAYS} days of ${new Date(from).toISOString()}`);
}

/**
 * The instant `ms` of open time after `start`. Outside hours the count starts at the next opening;
 * a target used up exactly at closing time is due at closing time (not at the next opening).
 */
export function addBusinessTime(start: Date, ms: number, hours: BusinessHours): Date {
  if (ms < 0) throw new RangeError('cannot add a negative duration');
  let remaining = ms;
  for (const [a, b] of openIntervalsFrom(hours, start.getTime())) {
    if (remaining <= b - a) return new Date(a + remaining);
    remaining -= b - a;
  }
  /* c8 ignore next */
  throw new Error('unreachable');
}

/** Open time (ms) between two instants; 0 when `to` is not after `from`. */
export function businessTimeBetween(from: Date, to: Date, hours: BusinessHours): number {
  const end = to.getTime();
  if (end <= from.getTime()) return 0;
  let total = 0;
  for (const [a, b] of openIntervalsFrom(hours, from.getTime())) {
    if (a >= end) break;
    total += Math.min(b, end) - a;
  }
  return total;
}

export const minutes = (n: number) => n * MINUTE;
