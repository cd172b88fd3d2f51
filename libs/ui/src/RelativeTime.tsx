import { formatFullDateTime, formatRelativeTime, toDate, type DateInput } from './relative-time.js';

export interface RelativeTimeProps {
  value: DateInput;
  /** The reference "now"; pass the loader's time so server and browser render the same text. */
  now?: DateInput;
  timeZone?: string;
  className?: string;
}

/** "5 min ago", with the exact date and time in a tooltip and a machine-readable `dateTime`. */
export function RelativeTime({ value, now, timeZone, className }: RelativeTimeProps) {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return null;
  return (
    <time
      className={className ?? 'sb-reltime'}
      dateTime={date.toISOString()}
      title={formatFullDateTime(date, timeZone)}
      suppressHydrationWarning
    >
      {formatRelativeTime(date, now ?? new Date(), timeZone)}
    </time>
  );
}
