import { DELIVERY_EVENT_LABELS, DELIVERY_LABELS, type TimelineEntry } from '@switchboard/contracts';
import type { Viewer } from './labels.js';
import { formatClockTime, formatFullDateTime } from './relative-time.js';
import { CHANNEL_ICONS, OUTBOUND_CHANNELS, type TimelineLabels } from './timeline-labels.js';
import { Icon } from './Icon.js';
import type { TimelineGroup } from './timeline-model.js';
import { inlineCidImages, inlinedIds } from './inline-images.js';
import { TimelineAttachments, defaultAttachmentUrl } from './TimelineAttachments.js';
import { TimelineBody } from './TimelineBody.js';

export interface TimelineGroupViewProps {
  group: TimelineGroup;
  viewer: Viewer;
  labels: TimelineLabels;
  authorName: (entry: TimelineEntry) => string;
  timeZone?: string;
  /** The `id` of an entry's element; `entry-<id>` by default. */
  anchorOf?: (entry: TimelineEntry) => string;
  attachmentUrl?: (id: number) => string;
  /** Staff-only notes under entries, by entry id. */
  entryNotes?: Readonly<Record<number, string>>;
  /** Where a staff note under an entry links to (the original email). */
  entryNoteHref?: (entryId: number) => string;
}

/**
 * One author's consecutive messages, replies or notes under a single header.
 * Customer messages sit left; staff replies (green) and internal notes (amber, dashed, 🔒) sit right.
 * A customer sees only who wrote: channels and "public reply" are staff vocabulary.
 */
export function TimelineGroupView({ group, viewer, labels, authorName, timeZone, anchorOf, attachmentUrl, entryNotes, entryNoteHref }: TimelineGroupViewProps) {
  const first = group.entries[0]!;
  const name = authorName(first);
  const staffView = viewer === 'agent';
  return (
    <li className={`sb-timeline__group sb-timeline__group--${group.side} sb-timeline__group--${group.kind}`}>
      <div className="sb-timeline__header">
        {group.kind === 'message' && (
          <>
            <Icon name={CHANNEL_ICONS[first.channel] ?? 'chat'} className="sb-timeline__icon" />
            <strong className="sb-timeline__author">{name}</strong>
            {staffView && <span className="sb-timeline__via">{labels.receivedVia(first.channel)}</span>}
          </>
        )}
        {group.kind === 'reply' && (
          <>
            <Icon name={OUTBOUND_CHANNELS.has(first.channel) ? 'send' : 'chat'} className="sb-timeline__icon" />
            <strong className="sb-timeline__author">{name}</strong>
            {!staffView ? null : OUTBOUND_CHANNELS.has(first.channel) ? (
              <span className="sb-timeline__tag sb-timeline__tag--sent">{labels.sentVia(first.channel)}</span>
            ) : (
              <span className="sb-timeline__via">{labels.publicReply}</span>
            )}
          </>
        )}
        {group.kind === 'note' && (
          <>
            <strong className="sb-timeline__tag sb-timeline__tag--internal">
              <Icon name="lock" className="sb-timeline__lock" /> {labels.internalNote}
            </strong>
            <span className="sb-timeline__author">{name}</span>
            <span className="sb-timeline__via">{labels.internalNoteHint}</span>
          </>
        )}
      </div>
      {group.entries.map((entry) => (
        <article
          key={entry.id}
          id={anchorOf ? anchorOf(entry) : `entry-${entry.id}`}
          className={`sb-entry sb-entry--${entry.kind}${entry.visibility === 'internal' ? ' sb-entry--internal' : ''}`}
          data-testid="timeline-entry"
          data-kind={entry.kind}
          data-visibility={entry.visibility}
          data-entry-id={entry.id}
          data-channel={entry.channel}
          aria-label={ariaLabel(entry, viewer, labels, authorName(entry))}
        >
          <TimelineBody
            body={entry.body}
            html={entry.bodyHtml ? inlineCidImages(entry.bodyHtml, entry.attachments, attachmentUrl ?? defaultAttachmentUrl) : undefined}
            showMore={labels.showMore}
            showLess={labels.showLess}
          />
          <TimelineAttachments attachments={withoutInlined(entry)} attachmentUrl={attachmentUrl} />
          {staffView && entry.delivery && (
            <span
              className={`sb-entry__delivery sb-entry__delivery--${entry.delivery.status}`}
              data-testid="delivery-state"
              data-status={entry.delivery.status}
              title={entry.delivery.error ?? `to ${entry.delivery.recipient}`}
            >
              {DELIVERY_LABELS[entry.delivery.status] ?? entry.delivery.status}
            </span>
          )}
          {staffView && entry.delivery?.events?.length ? (
            <ol className="sb-entry__delivery-events" data-testid="delivery-events" aria-label="Delivery events">
              {entry.delivery.events.map((e, i) => (
                <li key={i} data-event={e.event} title={e.reason ?? undefined}>
                  {DELIVERY_EVENT_LABELS[e.event] ?? e.event} <time dateTime={e.at}>{formatClockTime(e.at, timeZone)}</time>
                </li>
              ))}
            </ol>
          ) : null}
          {staffView && entryNotes?.[entry.id] ? (
            <p className="sb-entry__note">
              <span data-testid="entry-note">{entryNotes[entry.id]}</span>
              {entryNoteHref ? (
                <>
                  {' '}
                  <a href={entryNoteHref(entry.id)} data-testid="entry-original">
                    Show original
                  </a>
                </>
              ) : null}
            </p>
          ) : null}
          <time
            className="sb-entry__time"
            dateTime={entry.createdAt}
            title={formatFullDateTime(entry.createdAt, timeZone)}
            suppressHydrationWarning
          >
            {formatClockTime(entry.createdAt, timeZone)}
          </time>
        </article>
      ))}
    </li>
  );
}

function ariaLabel(entry: TimelineEntry, viewer: Viewer, labels: TimelineLabels, name: string): string {
  if (entry.kind === 'note') return `${labels.internalNote} by ${name}`;
  if (entry.kind === 'reply') {
    if (viewer === 'customer') return `Reply from ${name}`;
    return OUTBOUND_CHANNELS.has(entry.channel) ? `${labels.publicReply} by ${name}, ${labels.sentVia(entry.channel).toLowerCase()}` : `${labels.publicReply} by ${name}`;
  }
  return viewer === 'customer' ? `Message from ${name}` : `Message from ${name} ${labels.receivedVia(entry.channel)}`;
}

/** An email's inline images are shown in the body; the file list keeps the rest. */
function withoutInlined(entry: TimelineEntry) {
  const inlined = inlinedIds(entry.bodyHtml || undefined, entry.attachments);
  return inlined.size ? entry.attachments?.filter((a) => !inlined.has(a.id)) : entry.attachments;
}
