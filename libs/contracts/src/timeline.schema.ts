import { z } from 'zod';
import { zAttachment, zAttachmentIds } from './attachment.schema.js';
import { CHANNELS, ENTRY_KINDS, VISIBILITIES } from './enums.js';
import { zPerson, zTicketId } from './ticket.schema.js';

export const zTimelineEvent = z.object({
  field: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});

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
});
export type TimelineEntry = z.infer<typeof zTimelineEntry>;

export const zTimelineInput = z.object({ id: zTicketId });
export const zTimeline = z.object({ entries: z.array(zTimelineEntry) });
export type Timeline = z.infer<typeof zTimeline>;

export const zReplyInput = z.object({
  id: zTicketId,
  body: z.string().trim().min(1, { error: 'is required' }).max(20000, { error: 'must be at most 20000 characters' }),
  /** true: an internal note, never shown to the customer. */
  internal: z.boolean().default(false),
  /** Uploads (POST /attachments) to attach to this reply or note. */
  attachmentIds: zAttachmentIds,
});
export type ReplyInput = z.input<typeof zReplyInput>;
