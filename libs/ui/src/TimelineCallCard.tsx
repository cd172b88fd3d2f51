import { CALL_STATUS_LABELS, type TimelineEntry } from '@switchboard/contracts';
import { Icon } from './Icon.js';
import type { Viewer } from './labels.js';
import { formatClockTime, formatFullDateTime } from './relative-time.js';
import { defaultAttachmentUrl } from './TimelineAttachments.js';

export interface TimelineCallCardProps {
  entry: TimelineEntry;
  viewer: Viewer;
  timeZone?: string;
  anchorId?: string;
  attachmentUrl?: (id: number) => string;
}

/** "1 min 5 s", "45 s" */
export function formatCallDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
}

/**
 * A phone call (entry kind 'call') as a card of its own: direction, who called whom, the outcome
 * and length, the voicemail recording and its transcript. Without details (an older producer) the
 * entry's text says it.
 */
export function TimelineCallCard({ entry, viewer, timeZone, anchorId, attachmentUrl = defaultAttachmentUrl }: TimelineCallCardProps) {
  const call = entry.call;
  const title = call
    ? viewer === 'customer'
      ? call.direction === 'inbound'
        ? 'You called us'
        : 'We called you'
      : `${call.direction === 'inbound' ? 'Inbound' : 'Outbound'} call`
    : 'Phone call';
  return (
    <li className="sb-timeline__call">
      <article
        className={`sb-call sb-call--${call?.direction ?? 'unknown'}`}
        id={anchorId ?? `entry-${entry.id}`}
        data-testid="timeline-entry"
        data-kind={entry.kind}
        data-visibility={entry.visibility}
        data-entry-id={entry.id}
        data-channel={entry.channel}
        aria-label={title}
      >
        <header className="sb-call__header">
          <Icon name="phone" className="sb-timeline__icon" />
          <strong className="sb-call__title" data-testid="call-title">
            {title}
          </strong>
          {call ? (
            <span className={`sb-call__status sb-call__status--${call.status}`} data-testid="call-status" data-status={call.status}>
              {CALL_STATUS_LABELS[call.status] ?? call.status}, {formatCallDuration(call.durationSeconds)}
            </span>
          ) : null}
          <time className="sb-entry__time" dateTime={entry.createdAt} title={formatFullDateTime(entry.createdAt, timeZone)} suppressHydrationWarning>
            {formatClockTime(entry.createdAt, timeZone)}
          </time>
        </header>
        {call ? (
          <p className="sb-call__numbers" data-testid="call-numbers">
            {call.from || 'unknown'} → {call.to || 'unknown'}
          </p>
        ) : (
          <p className="sb-call__numbers">{entry.body}</p>
        )}
        {call?.recordingAttachmentId != null ? (
          <p className="sb-call__recording">
            <a href={attachmentUrl(call.recordingAttachmentId)} target="_blank" rel="noopener" data-testid="call-recording">
              Voicemail recording
            </a>
          </p>
        ) : null}
        {call?.transcription ? (
          <blockquote className="sb-call__transcript" data-testid="call-transcript">
            {call.transcription}
          </blockquote>
        ) : null}
      </article>
    </li>
  );
}
