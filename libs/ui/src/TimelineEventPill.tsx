import type { TimelineEntry } from '@switchboard/contracts';
import type { Viewer } from './labels.js';
import { formatClockTime, formatFullDateTime } from './relative-time.js';
import { describeEvent, EVENT_ICONS } from './timeline-labels.js';

export interface TimelineEventPillProps {
  entry: TimelineEntry;
  viewer: Viewer;
  actorName: string;
  timeZone?: string;
  /** The element's `id`; `entry-<id>` by default. */
  anchorId?: string;
}

/** A system event (status, priority, assignment…) as a small centred pill. */
export function TimelineEventPill({ entry, viewer, actorName, timeZone, anchorId }: TimelineEventPillProps) {
  const icon = (entry.event && EVENT_ICONS[entry.event.field]) ?? '⚙';
  return (
    <li className="sb-timeline__event">
      <div
        className="sb-pill"
        id={anchorId ?? `entry-${entry.id}`}
        data-testid="timeline-entry"
        data-kind={entry.kind}
        data-visibility={entry.visibility}
        data-entry-id={entry.id}
        data-field={entry.event?.field}
      >
        <span className="sb-pill__icon" aria-hidden="true">
          {icon}
        </span>
        <span className="sb-pill__text">{describeEvent(entry, viewer, actorName)}</span>
        <time
          className="sb-pill__time"
          dateTime={entry.createdAt}
          title={formatFullDateTime(entry.createdAt, timeZone)}
          suppressHydrationWarning
        >
          {formatClockTime(entry.createdAt, timeZone)}
        </time>
      </div>
    </li>
  );
}
