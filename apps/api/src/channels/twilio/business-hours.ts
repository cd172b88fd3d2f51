/** Opening hours as "Mon-Fri 09:00-17:00" (several ranges separated by ";"), in one time zone. */
export interface HoursRange {
  /** ISO weekdays, 1 = Monday ... 7 = Sunday. */
  days: Set<number>;
  /** Minutes after midnight; `to` may be 1440 (24:00). */
  from: number;
  to: number;
}

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const RANGE = /^([a-z]{3})(?:-([a-z]{3}))?\s+(\d{2}):(\d{2})-(\d{2}):(\d{2})$/i;

/** null when the text is not in that shape (the config schema names the variable). */
export function parseBusinessHours(text: string): HoursRange[] | null {
  const ranges: HoursRange[] = [];
  for (const part of text.split(';').map((p) => p.trim()).filter(Boolean)) {
    const m = RANGE.exec(part);
    if (!m) return null;
    const first = DAYS.indexOf(m[1]!.toLowerCase()) + 1;
    const last = m[2] ? DAYS.indexOf(m[2].toLowerCase()) + 1 : first;
    const from = Number(m[3]) * 60 + Number(m[4]);
    const to = Number(m[5]) * 60 + Number(m[6]);
    if (!first || !last || first > last || from >= to || to > 24 * 60) return null;
    const days = new Set<number>();
    for (let d = first; d <= last; d++) days.add(d);
    ranges.push({ days, from, to });
  }
  return ranges.length ? ranges : null;
}

export function isOpen(ranges: readonly HoursRange[], timeZone: string, at: Date): boolean {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = DAYS.indexOf(get('weekday').toLowerCase().slice(0, 3)) + 1;
  const minute = Number(get('hour')) * 60 + Number(get('minute'));
  return ranges.some((r) => r.days.has(day) && minute >= r.from && minute < r.to);
}
