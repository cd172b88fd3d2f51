import { describe, expect, it } from '@jest/globals';
import { formatHolidays, formatMinutes, formatWeeklyHours, parseHolidays, parseMinutes, parseWeeklyHours } from './sla-forms.js';

describe('SLA admin forms', () => {
  it('reads weekly hours with split shifts and day ranges, and writes them back', () => {
    const parsed = parseWeeklyHours('Mon-Fri 09:00-12:00, 13:00-17:00\nsat 10:00-14:00\n');
    expect('spans' in parsed && parsed.spans).toHaveLength(11);
    expect(formatWeeklyHours((parsed as { spans: never[] }).spans)).toBe(
      ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'].map((d) => `${d} 09:00-12:00, 13:00-17:00`).join('\n') + '\nSat 10:00-14:00',
    );
    expect(parseWeeklyHours('Funday 09:00-10:00')).toEqual({ error: expect.stringMatching(/^Line 1/) });
    expect(parseWeeklyHours('Mon 9-5')).toEqual({ error: expect.stringMatching(/"9-5"/) });
  });

  it('reads holidays and durations', () => {
    expect(parseHolidays('2026-12-25 Christmas Day\n\n2027-01-01')).toEqual({
      holidays: [
        { date: '2026-12-25', name: 'Christmas Day' },
        { date: '2027-01-01', name: '' },
      ],
    });
    expect(formatHolidays([{ date: '2026-12-25', name: 'Christmas' }])).toBe('2026-12-25 Christmas');
    expect(parseHolidays('Christmas')).toEqual({ error: expect.stringMatching(/Line 1/) });
    expect(['90', '1h 30m', '2h', '3d', '45m', 'soon', '2x'].map(parseMinutes)).toEqual([90, 90, 120, 4320, 45, null, null]);
    expect([15, 90, 1440, 4320, 0].map(formatMinutes)).toEqual(['15m', '1h 30m', '1d', '3d', '0m']);
  });
});
