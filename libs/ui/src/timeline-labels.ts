import { SLA_METRIC_LABELS, type SlaMetric, type TimelineEntry } from '@switchboard/contracts';
import type { IconName } from './Icon.js';
import { channelLabel, humanize, levelLabel, statusLabel, type Viewer } from './labels.js';
import { describeLinkEvent, isLinkEventField } from './link-labels.js';

/** Words the timeline uses; an app may override any of them (e.g. the portal's "You"). */
export interface TimelineLabels {
  empty: string;
  internalNote: string;
  internalNoteHint: string;
  publicReply: string;
  /** Name for entries without an author, and the actor of automatic events. */
  system: string;
  /** Shown instead of the author's name on the viewer's own entries, when `viewerUserId` is given. */
  you: string;
  today: string;
  yesterday: string;
  showMore: string;
  showLess: string;
  /** The link to the page of entries before the oldest one shown. */
  loadOlder: string;
  sentVia: (channel: string) => string;
  receivedVia: (channel: string) => string;
}

export const DEFAULT_TIMELINE_LABELS: TimelineLabels = {
  empty: 'No activity yet.',
  internalNote: 'Internal note',
  internalNoteHint: 'Not sent to the customer',
  publicReply: 'Public reply',
  system: 'System',
  you: 'You',
  today: 'Today',
  yesterday: 'Yesterday',
  showMore: 'Show full message',
  showLess: 'Show less',
  loadOlder: 'Load older',
  sentVia: (channel) => `Sent via ${channelLabel(channel)}`,
  receivedVia: (channel) => `via ${channelLabel(channel)}`,
};

/** Channels on which a public reply actually leaves the building (as opposed to showing in the portal). */
export const OUTBOUND_CHANNELS = new Set(['email', 'sms', 'whatsapp']);

export const CHANNEL_ICONS: Record<string, IconName> = {
  email: 'mail',
  sms: 'chat',
  whatsapp: 'chat',
  phone: 'phone',
  portal: 'chat',
  chat: 'chat',
  api: 'gear',
};

/** Marks for system events; plain symbols that common text fonts have (no emoji font needed). */
export const EVENT_ICONS: Record<string, string> = {
  status: '⚙',
  assignee: '→',
  urgency: '⚡',
  importance: '◎',
  sla: '⏱',
  merged_into: '⇉',
  merged_from: '⇉',
  split_into: '⇶',
  split_from: '⇶',
  moved_out: '↷',
  moved_in: '↶',
};

const FIELD_NAMES: Record<string, string> = {
  status: 'status',
  urgency: 'urgency',
  importance: 'importance',
  assignee: 'assignee',
  sla: 'SLA',
};

function formatValue(field: string, value: string, viewer: Viewer): string {
  if (field === 'status') return statusLabel(value, viewer);
  if (field === 'urgency' || field === 'importance') return levelLabel(value);
  return value;
}

/**
 * Staff read "Ana changed status from Open to In progress" (or the entry's own text when it is not a
 * field change); a customer reads what changed for them, without naming staff: "Status changed to Waiting on you".
 */
export function describeEvent(entry: TimelineEntry, viewer: Viewer, actorName: string): string {
  if (entry.event && isLinkEventField(entry.event.field)) {
    // A move or split records why as the event's text: staff read it, customers only where their message went.
    const why = viewer !== 'customer' && entry.body.trim() ? ` (reason: ${entry.body.trim()})` : '';
    return describeLinkEvent(entry.event.field, entry.event.to, viewer, actorName) + why;
  }
  if (viewer === 'customer') return describeEventForCustomer(entry);
  const event = entry.event;
  if (!event) return entry.body || `${actorName} updated the ticket`;
  // Written by the SLA timers: from = the metric, to = what happened ('breached').
  if (event.field === 'sla') return `${SLA_METRIC_LABELS[event.from as SlaMetric] ?? humanize(event.from ?? '')} target ${event.to ?? 'changed'}`;
  const field = FIELD_NAMES[event.field] ?? humanize(event.field).toLowerCase();
  const from = event.from == null || event.from === '' ? null : formatValue(event.field, event.from, viewer);
  const to = event.to == null || event.to === '' ? null : formatValue(event.field, event.to, viewer);
  // Routing (no author) writes why it chose ("round-robin in Billing", "skill: Spanish") as the event's text.
  const routed = !entry.author && (event.field === 'assignee' || event.field === 'team') && entry.body.trim();
  const why = routed ? ` (${entry.body.trim()})` : '';
  if (from && to) return `${actorName} changed ${field} from ${from} to ${to}${why}`;
  if (to) return `${actorName} set ${field} to ${to}${why}`;
  if (from) return `${actorName} cleared ${field} (was ${from})${why}`;
  return entry.body || `${actorName} changed ${field}`;
}

/** "Status changed to Resolved", "Urgency changed to High", "A support agent is handling this ticket"... */
function describeEventForCustomer(entry: Pick<TimelineEntry, 'event' | 'body'>): string {
  const event = entry.event;
  const fallback = entry.body.trim();
  if (!event) return fallback || 'Ticket updated';
  const to = event.to == null || event.to === '' ? null : event.to;
  switch (event.field.replace(/Id$/, '').toLowerCase()) {
    case 'status':
      return to ? `Status changed to ${statusLabel(to, 'customer')}` : 'Status cleared';
    case 'urgency':
      return `Urgency changed to ${levelLabel(to ?? 'none')}`;
    case 'importance':
      return `Impact changed to ${levelLabel(to ?? 'none')}`;
    case 'assignee':
      return to ? 'A support agent is handling this ticket' : 'Waiting for a support agent';
    case 'created':
    case 'ticket':
      return fallback || 'Ticket opened';
    default:
      if (fallback) return fallback;
      return to ? `${humanize(event.field)} changed to ${humanize(to)}` : `${humanize(event.field)} cleared`;
  }
}
