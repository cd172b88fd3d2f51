import { quietHoursEnd } from './quiet-hours.js';

const quiet = (start: string, end: string, timeZone: string) => ({ enabled: true, start, end, timeZone, email: 'hold' as const });

describe('quietHoursEnd', () => {
  it('is quiet across midnight in the person’s time zone, and says when it ends', () => {
    // 23:30 in Lisbon (UTC+0 in winter) is inside 22:00-07:00; it ends at 07:00 Lisbon time.
    expect(quietHoursEnd(quiet('22:00', '07:00', 'Europe/Lisbon'), new Date('2026-11-22T23:30:10Z'))?.toISOString()).toBe('2026-11-23T07:00:00.000Z');
    expect(quietHoursEnd(quiet('22:00', '07:00', 'Europe/Lisbon'), new Date('2026-11-22T06:59:00Z'))?.toISOString()).toBe('2026-11-22T07:00:00.000Z');
    expect(quietHoursEnd(quiet('22:00', '07:00', 'Europe/Lisbon'), new Date('2026-11-22T12:00:00Z'))).toBeNull();
  });

  it('uses the time zone, not the server’s clock', () => {
    // 12:00 UTC is 21:00 in Tokyo (UTC+9): inside 20:00-23:00 there, ending at 23:00 Tokyo = 14:00 UTC.
    expect(quietHoursEnd(quiet('20:00', '23:00', 'Asia/Tokyo'), new Date('2026-11-22T12:00:00Z'))?.toISOString()).toBe('2026-11-22T14:00:00.000Z');
    expect(quietHoursEnd(quiet('20:00', '23:00', 'UTC'), new Date('2026-11-22T12:00:00Z'))).toBeNull();
  });

  it('is never quiet when turned off or empty', () => {
    expect(quietHoursEnd({ ...quiet('00:00', '23:59', 'UTC'), enabled: false }, new Date('2026-11-22T12:00:00Z'))).toBeNull();
    expect(quietHoursEnd(quiet('08:00', '08:00', 'UTC'), new Date('2026-11-22T08:00:00Z'))).toBeNull();
  });
});
