import { z } from 'zod';
import { zAttachment, zAttachmentIds } from './attachment.schema.js';
import { zDelivery } from './delivery.schema.js';
import { CHANNELS, ENTRY_KINDS, VISIBILITIES } from './enums.js';
import { zPerson, zTicketId } from './ticket.schema.js';

export const zTimelineEvent = z.object({
  field: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});

/** A phone call on the timeline (entry kind 'call'): what happened, the voicemail it left and its transcript. */
export const zCallDetails = z.object({
  direction: z.enum(['inbound', 'outbound']),
  from: z.string(),
  to: z.string(),
  /** Twilio's final call status: completed (answered), busy, no-answer, failed, canceled. */
  status: z.string(),
  durationSeconds: z.number().int(),
  /** The voicemail recording, an attachment of the ticket (fetch it like any other). */
  recordingAttachmentId: z.number().int().nullable(),
  /** The voicemail's transcript once Twilio sends it. */
  transcription: z.string().nullable(),
});
export type CallDetails = z.infer<typeof zCallDetails>;

export const CALL_STATUS_LABELS: Record<string, string> = {
  completed: 'Answered',
  busy: 'Busy',
  'no-answer': 'Not answered',
  failed: 'Failed',
  canceled: 'Canceled',
};

export const zMention = z.object({ id: z.number().int(), name: z.string() });
export type Mention = z.infer<typeof zMention>;

export const zTimelineEntry = z.object({
  id: z.number().int(),
  ticketId: z.number().int(),
  kind: z.enum(ENTRY_KINDS),
  visibility: z.enum(VISIBILITIES),
  body: z.string(),
  channel: z.enum(CHANNELS),
  author: zPerson.nullable(),
  event: zTimelineEvent.nullable(),
  createdAt: z.string(),
  /** Files on this entry; the API always sends the list (optional only so older producers still type-check). */
  attachments: z.array(zAttachment).optional(),
  /** Sanitized HTML of the body (see docs/decisions/006); `body` is its plain-text version. */
  bodyHtml: z.string(),
  /** Staff mentioned with @ in an internal note; empty for every other entry. */
  mentions: z.array(zMention),
  /** Staff only: the delivery state of a reply sent by SMS or WhatsApp (absent elsewhere). */
  delivery: zDelivery.nullable().optional(),
  /** The call, on an entry of kind 'call' (absent elsewhere). */
  call: zCallDetails.nullable().optional(),
});
export type TimelineEntry = z.infer<typeof zTimelineEntry>;

export const TIMELINE_PAGE_DEFAULT = 50;
export const TIMELINE_PAGE_MAX = 200;

/** Newest page first; `before` is the `olderCursor` of the page you have, to load the one before it. */
export const zTimelineInput = z.object({
  id: zTicketId,
  before: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(TIMELINE_PAGE_MAX, { error: `must be at most ${TIMELINE_PAGE_MAX}` })
    .default(TIMELINE_PAGE_DEFAULT),
  kinds: z.array(z.enum(ENTRY_KINDS)).optional(),
});
export type TimelineInput = z.input<typeof zTimelineInput>;
/** One page, chronological within itself; `olderCursor` is null on the oldest page. */
export const zTimeline = z.object({ entries: z.array(zTimelineEntry), olderCursor: z.string().nullable() });
export type Timeline = z.infer<typeof zTimeline>;

export const zReplyInput = z
  .object({
    id: zTicketId,
    /** Plain text; escaped and turned into paragraphs. Optional when `bodyHtml` is given. */
    body: z.string().trim().max(20000, { error: 'must be at most 20000 characters' }).optional(),
    /** Formatted body; sanitized by the API (basic formatting and http/https/mailto links only). Wins over `body`. */
    bodyHtml: z.string().trim().max(100000, { error: 'must be at most 100000 characters' }).optional(),
    /** true: an internal note, never shown to the customer. @mentions of staff in a note notify them. */
    internal: z.boolean().default(false),
    /** Uploads (POST /attachments) to attach to this reply or note. */
    attachmentIds: zAttachmentIds,
  })
  .refine((input) => Boolean(input.body || input.bodyHtml), { error: 'is required', path: ['body'] });
export type ReplyInput = z.input<typeof zReplyInput>;
