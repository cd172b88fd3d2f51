import { formatDayLabel, formatFullDateTime, toDate, type DateInput } from './relative-time.js';

export interface DateSeparatorProps {
  at: DateInput;
  now: DateInput;
  timeZone?: string;
  today?: string;
  yesterday?: string;
}

/** "Today", "Yesterday" or a date, between the entries of two days. */
export function DateSeparator({ at, now, timeZone, today, yesterday }: DateSeparatorProps) {
  const date = toDate(at);
  return (
    <li className="sb-timeline__day">
      <time dateTime={date.toISOString()} title={formatFullDateTime(date, timeZone)} suppressHydrationWarning>
        {formatDayLabel(date, now, timeZone, { today, yesterday })}
      </time>
    </li>
  );
}
