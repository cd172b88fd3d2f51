import type { TimelineEntry } from '@switchboard/contracts';
import { DateSeparator } from './DateSeparator.js';
import type { Viewer } from './labels.js';
import { DEFAULT_TIMELINE_LABELS, type TimelineLabels } from './timeline-labels.js';
import { buildTimelineItems } from './timeline-model.js';
import { TimelineCallCard } from './TimelineCallCard.js';
import { TimelineEventPill } from './TimelineEventPill.js';
import { TimelineGroupView } from './TimelineGroupView.js';
import type { DateInput } from './relative-time.js';

export interface TimelineProps {
  entries: readonly TimelineEntry[];
  /** 'customer' never renders internal entries, whatever the caller passes in. */
  viewer: Viewer;
  labels?: Partial<TimelineLabels>;
  /** Entries by this user are labelled `labels.you`. */
  viewerUserId?: number;
  /** Reference time for "Today"/"Yesterday"; pass the loader's time so server and browser agree. */
  now?: DateInput;
  /** IANA zone for times and day boundaries; the runtime's zone when omitted. */
  timeZone?: string;
  /**
   * Shown instead of a staff member's name on their entries, e.g. the portal's "Support".
   * Omitted (the workspace): the author's own name.
   */
  staffName?: string;
  /** `id` of the last entry's element instead of `entry-<id>`, e.g. "latest" for a `#latest` link. */
  latestId?: string;
  className?: string;
  /** Where the browser fetches an attachment (see TimelineAttachments); `/attachments/:id` when omitted. */
  attachmentUrl?: (id: number) => string;
  /**
   * Where "Load older" leads (a GET link, so it works without JavaScript); omit it on the oldest page.
   * The API pages newest first: the app turns the page's olderCursor into this link.
   */
  olderHref?: string;
  /** Staff-only notes under entries, by entry id (e.g. why an email landed on this ticket). Never shown to customers. */
  entryNotes?: Readonly<Record<number, string>>;
  /** Where an entry note links to (e.g. the original email), by entry id; only entries with a note get the link. */
  entryNoteHref?: (entryId: number) => string;
}

/** The ticket's whole history in one chronological, chat-like column. */
export function Timeline({
  entries,
  viewer,
  labels: overrides,
  viewerUserId,
  now,
  timeZone,
  staffName,
  latestId,
  className,
  attachmentUrl,
  olderHref,
  entryNotes,
  entryNoteHref,
}: TimelineProps) {
  const labels: TimelineLabels = { ...DEFAULT_TIMELINE_LABELS, ...overrides };
  const reference = now ?? new Date();
  const items = buildTimelineItems(entries, viewer, timeZone);
  const authorName = (entry: TimelineEntry) => {
    if (!entry.author) return labels.system;
    if (viewerUserId != null && entry.author.id === viewerUserId) return labels.you;
    if (staffName != null && entry.author.role !== 'customer') return staffName;
    return entry.author.name;
  };
  const last = items.at(-1);
  const lastEntry = last?.type === 'event' || last?.type === 'call' ? last.entry : last?.type === 'group' ? last.entries.at(-1) : undefined;
  const anchorOf = (entry: TimelineEntry) => (latestId && entry === lastEntry ? latestId : `entry-${entry.id}`);

  return (
    <section
      className={['sb-timeline', className].filter(Boolean).join(' ')}
      data-testid="timeline"
      data-viewer={viewer}
      aria-label="Conversation timeline"
    >
      {olderHref ? (
        <p className="sb-timeline__older">
          <a href={olderHref} data-testid="timeline-load-older" rel="nofollow">
            {labels.loadOlder}
          </a>
        </p>
      ) : null}
      {items.length === 0 ? (
        <p className="sb-timeline__empty">{labels.empty}</p>
      ) : (
        <ol className="sb-timeline__list">
          {items.map((item) => {
            switch (item.type) {
              case 'day':
                return (
                  <DateSeparator
                    key={item.key}
                    at={item.at}
                    now={reference}
                    timeZone={timeZone}
                    today={labels.today}
                    yesterday={labels.yesterday}
                  />
                );
              case 'event':
                return (
                  <TimelineEventPill
                    key={item.key}
                    entry={item.entry}
                    viewer={viewer}
                    actorName={authorName(item.entry)}
                    timeZone={timeZone}
                    anchorId={anchorOf(item.entry)}
                  />
                );
              case 'call':
                return (
                  <TimelineCallCard
                    key={item.key}
                    entry={item.entry}
                    viewer={viewer}
                    timeZone={timeZone}
                    anchorId={anchorOf(item.entry)}
                    attachmentUrl={attachmentUrl}
                  />
                );
              case 'group':
                return (
                  <TimelineGroupView
                    key={item.key}
                    group={item}
                    viewer={viewer}
                    labels={labels}
                    authorName={authorName}
                    timeZone={timeZone}
                    anchorOf={anchorOf}
                    attachmentUrl={attachmentUrl}
                    entryNotes={viewer === 'agent' ? entryNotes : undefined}
                    entryNoteHref={viewer === 'agent' ? entryNoteHref : undefined}
                  />
                );
            }
          })}
        </ol>
      )}
    </section>
  );
}
