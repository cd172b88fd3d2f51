import { isWithinWorkingHours, localTime } from './working-hours.js';

const weekdays9to17 = [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' }));

describe('working hours', () => {
  it('no hours set means always available', () => {
    expect(isWithinWorkingHours(null, 'UTC', new Date('2026-11-22T03:00:00Z'))).toBe(true);
    expect(isWithinWorkingHours([], 'Europe/Berlin', new Date('2026-11-22T03:00:00Z'))).toBe(true);
  });

  it('is read in the agent’s own time zone, start inclusive and end exclusive', () => {
    // Monday 2026-11-23 08:30 UTC = 09:30 in Berlin (CET), 03:30 in New York.
    const monday = new Date('2026-11-23T08:30:00Z');
    expect(isWithinWorkingHours(weekdays9to17, 'Europe/Berlin', monday)).toBe(true);
    expect(isWithinWorkingHours(weekdays9to17, 'America/New_York', monday)).toBe(false);
    expect(isWithinWorkingHours(weekdays9to17, 'UTC', monday)).toBe(false);
    expect(isWithinWorkingHours(weekdays9to17, 'UTC', new Date('2026-11-23T09:00:00Z'))).toBe(true);
    expect(isWithinWorkingHours(weekdays9to17, 'UTC', new Date('2026-11-23T17:00:00Z'))).toBe(false);
  });

  it('uses the local weekday: late Friday in New York is Saturday in UTC', () => {
    const lateFriday = [{ day: 5, start: '18:00', end: '23:00' }];
    const at = new Date('2026-11-28T01:00:00Z'); // Saturday 01:00 UTC, Friday 20:00 in New York
    expect(localTime(at, 'America/New_York')).toEqual({ day: 5, time: '20:00' });
    expect(isWithinWorkingHours(lateFriday, 'America/New_York', at)).toBe(true);
    expect(isWithinWorkingHours(lateFriday, 'UTC', at)).toBe(false);
  });

  it('a weekend is outside weekday hours', () => {
    expect(isWithinWorkingHours(weekdays9to17, 'UTC', new Date('2026-11-22T10:00:00Z'))).toBe(false);
  });
});
