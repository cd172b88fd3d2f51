import { z } from 'zod';

/** A file on a timeline entry. `url` is the API path of its bytes (GET, same bearer token, same access rules as the ticket). */
export const zAttachment = z.object({
  id: z.number().int(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  url: z.string(),
  /** Set on an email's inline image: the entry's HTML references it as `cid:<contentId>`. */
  contentId: z.string().optional(),
});
export type Attachment = z.infer<typeof zAttachment>;

export const MAX_ATTACHMENTS_PER_ENTRY = 10;

/** Ids returned by POST /api/v1/attachments, to attach to a new ticket, reply or note. */
export const zAttachmentIds = z
  .array(z.number({ error: 'must be attachment ids' }).int().positive(), { error: 'must be a list of attachment ids' })
  .max(MAX_ATTACHMENTS_PER_ENTRY, { error: `at most ${MAX_ATTACHMENTS_PER_ENTRY} files per message` })
  .optional();

export const zUploadedAttachments = z.array(zAttachment);
