import { isOpen, parseBusinessHours } from './business-hours.js';

describe('business hours', () => {
  it('parses day ranges and times, and refuses anything else', () => {
    expect(parseBusinessHours('Mon-Fri 09:00-17:00')).toEqual([{ days: new Set([1, 2, 3, 4, 5]), from: 540, to: 1020 }]);
    expect(parseBusinessHours('Mon-Fri 09:00-17:00; Sat 10:00-12:00')).toHaveLength(2);
    expect(parseBusinessHours('Mon-Sun 00:00-24:00')).toEqual([{ days: new Set([1, 2, 3, 4, 5, 6, 7]), from: 0, to: 1440 }]);
    expect(parseBusinessHours('weekdays 9-5')).toBeNull();
    expect(parseBusinessHours('Fri-Mon 09:00-17:00')).toBeNull();
    expect(parseBusinessHours('Mon 18:00-09:00')).toBeNull();
  });

  it('tells open from closed in the configured time zone', () => {
    const hours = parseBusinessHours('Mon-Fri 09:00-17:00')!;
    // Wednesday 2026-11-25 08:30 UTC is 09:30 in Berlin.
    const at = new Date('2026-11-25T08:30:00Z');
    expect(isOpen(hours, 'UTC', at)).toBe(false);
    expect(isOpen(hours, 'Europe/Berlin', at)).toBe(true);
    // Saturday.
    expect(isOpen(hours, 'UTC', new Date('2026-11-28T12:00:00Z'))).toBe(false);
    expect(isOpen(hours, 'UTC', new Date('2026-11-27T16:59:00Z'))).toBe(true);
    expect(isOpen(hours, 'UTC', new Date('2026-11-27T17:00:00Z'))).toBe(false);
  });
});
