import type { BusinessCalendar } from '@switchboard/contracts';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

type Span = BusinessCalendar['weekly'][number];
type Holiday = BusinessCalendar['holidays'][number];

/**
 * Weekly hours as people write them, one day per line: "Mon 09:00-12:00, 13:00-17:00" (a split shift);
 * "Mon-Fri 09:00-17:00" for a range of days. Returns the spans, or the first line it cannot read.
 */
export function parseWeeklyHours(text: string): { spans: Span[] } | { error: string } {
  const spans: Span[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^([A-Za-z]{3})(?:\s*-\s*([A-Za-z]{3}))?\s+(.+)$/.exec(line);
    const first = m ? DAYS.findIndex((d) => d.toLowerCase() === m[1].toLowerCase()) : -1;
    const last = m?.[2] ? DAYS.findIndex((d) => d.toLowerCase() === m[2].toLowerCase()) : first;
    if (!m || first < 0 || last < first) return { error: `Line ${i + 1}: start with a day (Mon … Sun) or a range (Mon-Fri), then the hours.` };
    for (const part of m[3].split(',')) {
      const hours = /^\s*(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})\s*$/.exec(part);
      if (!hours) return { error: `Line ${i + 1}: "${part.trim()}" is not hours like 09:00-17:00.` };
      for (let day = first; day <= last; day++) spans.push({ day: day + 1, start: hours[1], end: hours[2] });
    }
  }
  return { spans };
}

/** The inverse, one line per day that has hours. */
export function formatWeeklyHours(spans: Span[]): string {
  return DAYS.map((name, i) => {
    const day = spans.filter((s) => s.day === i + 1).sort((a, b) => a.start.localeCompare(b.start));
    return day.length ? `${name} ${day.map((s) => `${s.start}-${s.end}`).join(', ')}` : null;
  })
    .filter(Boolean)
    .join('\n');
}

/** Holidays one per line: "2026-12-25 Christmas Day". */
export function parseHolidays(text: string): { holidays: Holiday[] } | { error: string } {
  const holidays: Holiday[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^(\d{4}-\d{2}-\d{2})\s*(.*)$/.exec(line);
    if (!m) return { error: `Line ${i + 1}: start with a date YYYY-MM-DD.` };
    holidays.push({ date: m[1], name: m[2].trim() });
  }
  return { holidays };
}

export const formatHolidays = (holidays: Holiday[]) => holidays.map((h) => `${h.date}${h.name ? ` ${h.name}` : ''}`).join('\n');

/** "90" -> 90; "1h 30m", "2h", "3d", "45m" -> minutes; null when unreadable. */
export function parseMinutes(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^\d+$/.test(t)) return Number(t);
  const parts = [...t.matchAll(/(\d+)\s*([dhm])/g)];
  if (!parts.length || parts.map((p) => p[0]).join('').replace(/\s/g, '') !== t.replace(/\s/g, '')) return null;
  return parts.reduce((sum, [, n, unit]) => sum + Number(n) * (unit === 'd' ? 1440 : unit === 'h' ? 60 : 1), 0);
}

/** 90 -> "1h 30m", 1440 -> "1d", 4320 -> "3d". */
export function formatMinutes(minutes: number): string {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return [d ? `${d}d` : '', h ? `${h}h` : '', m ? `${m}m` : ''].filter(Boolean).join(' ') || '0m';
}
