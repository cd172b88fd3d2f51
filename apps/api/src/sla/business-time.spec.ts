import { DateTime } from 'luxon';
import { ALWAYS_OPEN, addBusinessTime, businessTimeBetween, calendarProblems, type BusinessHours } from './business-time.js';

const weekdays = (spans: [string, string][]) => [1, 2, 3, 4, 5].flatMap((day) => spans.map(([start, end]) => ({ day, start, end })));
const everyDay = (spans: [string, string][]) => [1, 2, 3, 4, 5, 6, 7].flatMap((day) => spans.map(([start, end]) => ({ day, start, end })));

/** Berlin office, Monday to Friday 09:00-12:00 and 13:00-17:00 (a split shift, 7 h a day), closed over Christmas and New Year. */
const BERLIN: BusinessHours = {
  timezone: 'Europe/Berlin',
  weekly: weekdays([
    ['09:00', '12:00'],
    ['13:00', '17:00'],
  ]),
  holidays: ['2026-12-24', '2026-12-25', '2026-12-31', '2027-01-01'],
};
const BERLIN_ALL_DAY: BusinessHours = { timezone: 'Europe/Berlin', weekly: everyDay([['00:00', '24:00']]), holidays: [] };
const BERLIN_NIGHTS: BusinessHours = {
  timezone: 'Europe/Berlin',
  weekly: everyDay([
    ['00:00', '06:00'],
    ['22:00', '24:00'],
  ]),
  holidays: [],
};
const NEW_YORK: BusinessHours = { timezone: 'America/New_York', weekly: weekdays([['08:00', '18:00']]), holidays: [] };
const TOKYO: BusinessHours = { timezone: 'Asia/Tokyo', weekly: weekdays([['09:00', '18:00']]), holidays: [] };

/** A local wall-clock time in a zone ('2026-11-20 17:30'), or an instant ('2026-10-25T01:00Z'). */
function at(value: string, zone: string): Date {
  const parsed = value.endsWith('Z') ? DateTime.fromISO(value, { zone: 'UTC' }) : DateTime.fromFormat(value, 'yyyy-MM-dd HH:mm', { zone });
  if (!parsed.isValid) throw new Error(`bad test time ${value}`);
  return parsed.toJSDate();
}
const H = 3_600_000;
const M = 60_000;

// [what, calendar, start, duration (ms), expected due]: hand-computed. 2026-11-20 is a Friday; 2026-11-23 a Monday.
const ADD_CASES: [string, BusinessHours, string, number, string][] = [
  ['inside a span', BERLIN, '2026-11-23 10:00', 30 * M, '2026-11-23 10:30'],
  ['used up exactly at the lunch break: due at 12:00', BERLIN, '2026-11-23 10:00', 2 * H, '2026-11-23 12:00'],
  ['across the lunch break of a split shift', BERLIN, '2026-11-23 11:30', 1 * H, '2026-11-23 13:30'],
  ['created during the lunch break', BERLIN, '2026-11-23 12:30', 15 * M, '2026-11-23 13:15'],
  ['created before opening', BERLIN, '2026-11-23 07:00', 1 * H, '2026-11-23 10:00'],
  ['created after closing', BERLIN, '2026-11-23 18:00', 1 * H, '2026-11-24 10:00'],
  ['Friday 17:30 + 30 min is Monday 09:30 (the preview example)', BERLIN, '2026-11-20 17:30', 30 * M, '2026-11-23 09:30'],
  ['Friday afternoon over the weekend', BERLIN, '2026-11-20 16:00', 2 * H, '2026-11-23 10:00'],
  ['created on Saturday', BERLIN, '2026-11-21 10:00', 15 * M, '2026-11-23 09:15'],
  ['created a minute before Monday', BERLIN, '2026-11-22 23:59', 1 * M, '2026-11-23 09:01'],
  ['a whole business day ends at closing', BERLIN, '2026-11-23 09:00', 7 * H, '2026-11-23 17:00'],
  ['one minute more than a business day', BERLIN, '2026-11-23 09:00', 7 * H + M, '2026-11-24 09:01'],
  ['created at closing time', BERLIN, '2026-11-23 17:00', 1 * M, '2026-11-24 09:01'],
  ['three business days', BERLIN, '2026-11-23 09:00', 21 * H, '2026-11-25 17:00'],
  ['three business days from mid-morning', BERLIN, '2026-11-23 10:00', 21 * H, '2026-11-26 10:00'],
  ['a business week', BERLIN, '2026-11-23 09:00', 35 * H, '2026-11-27 17:00'],
  ['past a business week: into the next Monday', BERLIN, '2026-11-23 09:00', 36 * H, '2026-11-30 10:00'],
  ['zero duration inside hours', BERLIN, '2026-11-23 09:00', 0, '2026-11-23 09:00'],
  ['Christmas Eve and Day are holidays, then the weekend', BERLIN, '2026-12-23 16:00', 2 * H, '2026-12-28 10:00'],
  ['created on a holiday', BERLIN, '2026-12-24 10:00', 1 * H, '2026-12-28 10:00'],
  ['New Year holidays and a weekend', BERLIN, '2026-12-30 16:30', 1 * H, '2027-01-04 09:30'],
  ['over the autumn DST change (CEST -> CET): hours stay 09:00 local', BERLIN, '2026-10-23 16:00', 2 * H, '2026-10-26 10:00'],
  ['over the spring DST change (CET -> CEST)', BERLIN, '2026-03-27 16:30', 1 * H, '2026-03-30 09:30'],
  ['always open across spring forward: the 23-hour day counts 23 h', BERLIN_ALL_DAY, '2026-03-28 12:00', 24 * H, '2026-03-29 13:00'],
  ['always open across fall back: the 25-hour day counts 25 h', BERLIN_ALL_DAY, '2026-10-24 12:00', 24 * H, '2026-10-25 11:00'],
  ['night shift through the skipped hour', BERLIN_NIGHTS, '2026-03-28 23:00', 4 * H, '2026-03-29 04:00'],
  ['night shift through the repeated hour (second 02:00, CET)', BERLIN_NIGHTS, '2026-10-24 23:00', 4 * H, '2026-10-25T01:00Z'],
  ['night shift: created in the morning waits for 22:00', BERLIN_NIGHTS, '2026-11-23 08:00', 90 * M, '2026-11-23 23:30'],
  ['New York, Friday 17:00 EST + 2 h', NEW_YORK, '2026-11-20 17:00', 2 * H, '2026-11-23 09:00'],
  ['New York across its own DST change (Nov 1)', NEW_YORK, '2026-10-30 17:00', 2 * H, '2026-11-02 09:00'],
  ['Tokyo, created Friday 17:30 JST (08:30 UTC)', TOKYO, '2026-11-20T08:30Z', 1 * H, '2026-11-23 09:30'],
  ['24/7 default calendar: plain addition over a week', ALWAYS_OPEN, '2026-11-20T17:30Z', 7 * 24 * H, '2026-11-27T17:30Z'],
  ['24/7 default calendar: 15 minutes', ALWAYS_OPEN, '2026-11-21T23:50Z', 15 * M, '2026-11-22T00:05Z'],
];

describe('addBusinessTime', () => {
  it.each(ADD_CASES)('%s', (_what, hours, start, ms, due) => {
    expect(addBusinessTime(at(start, hours.timezone), ms, hours).toISOString()).toBe(at(due, hours.timezone).toISOString());
  });

  it('is wrong by an hour if one naively adds UTC hours across the DST change (the case above is not trivial)', () => {
    const start = at('2026-10-23 16:00', 'Europe/Berlin');
    const due = addBusinessTime(start, 2 * H, BERLIN);
    expect((due.getTime() - start.getTime()) / H).toBe(67); // 1 h Friday + 65 h weekend incl. the extra hour + 1 h Monday
  });

  it('refuses a calendar that is never open and a negative duration', () => {
    expect(() => addBusinessTime(new Date(), H, { timezone: 'UTC', weekly: [], holidays: [] })).toThrow(/no open hours/);
    expect(() => addBusinessTime(new Date(), -1, BERLIN)).toThrow(/negative/);
  });
});

// [what, calendar, from, to, expected open time]
const BETWEEN_CASES: [string, BusinessHours, string, string, number][] = [
  ['same morning', BERLIN, '2026-11-23 10:00', '2026-11-23 11:00', 1 * H],
  ['lunch break excluded', BERLIN, '2026-11-23 10:00', '2026-11-23 14:00', 3 * H],
  ['over a weekend', BERLIN, '2026-11-20 16:00', '2026-11-23 10:00', 2 * H],
  ['over holidays', BERLIN, '2026-12-23 16:00', '2026-12-28 10:00', 2 * H],
  ['a weekend only', BERLIN, '2026-11-21 08:00', '2026-11-22 20:00', 0],
  ['backwards is zero', BERLIN, '2026-11-23 14:00', '2026-11-23 10:00', 0],
  ['across DST, business hours', BERLIN, '2026-10-23 16:00', '2026-10-26 10:00', 2 * H],
  ['across DST, always open: real elapsed time', BERLIN_ALL_DAY, '2026-03-28 12:00', '2026-03-29 12:00', 23 * H],
];

describe('businessTimeBetween', () => {
  it.each(BETWEEN_CASES)('%s', (_what, hours, from, to, ms) => {
    expect(businessTimeBetween(at(from, hours.timezone), at(to, hours.timezone), hours)).toBe(ms);
  });

  it('undoes addBusinessTime for starts inside hours', () => {
    for (const [start, ms] of [
      ['2026-11-23 09:00', 7 * H],
      ['2026-11-23 11:45', 10 * H + 5 * M],
      ['2026-12-23 15:00', 3 * H],
      ['2026-10-22 13:00', 20 * H],
    ] as const) {
      const from = at(start, 'Europe/Berlin');
      expect(businessTimeBetween(from, addBusinessTime(from, ms, BERLIN), BERLIN)).toBe(ms);
    }
  });
});

describe('calendarProblems', () => {
  it('accepts the default and the Berlin calendar', () => {
    expect(calendarProblems(ALWAYS_OPEN)).toEqual([]);
    expect(calendarProblems(BERLIN)).toEqual([]);
  });

  it('names a bad zone, reversed or overlapping spans and bad holiday dates', () => {
    const problems = calendarProblems({
      timezone: 'Mars/Olympus',
      weekly: [
        { day: 1, start: '10:00', end: '09:00' },
        { day: 2, start: '09:00', end: '12:00' },
        { day: 2, start: '11:00', end: '13:00' },
        { day: 8, start: '09:00', end: '10:00' },
      ],
      holidays: ['2026-02-30'],
    });
    expect(problems.map((p) => p.field)).toEqual(['timezone', 'weekly.0', 'weekly.1', 'weekly.2', 'weekly.3', 'holidays.0']);
  });
});
