import type { Attachment } from '@switchboard/contracts';
import type { AttachmentRecord } from './attachment.repository.js';

/** The REST path of an attachment's bytes; the web apps serve the same id under /attachments/:id. */
export const attachmentPath = (id: number) => `/api/v1/attachments/${id}`;

/** The one place that decides what of an attachment leaves the module: never the storage key or uploader. */
export function toAttachment(record: AttachmentRecord): Attachment {
  const id = Number(record.id);
  const attachment: Attachment = { id, filename: record.filename, contentType: record.contentType, size: Number(record.size), url: attachmentPath(id) };
  // Only inline images of emails have one; the apps show them in place of the body's cid: reference.
  if (record.contentId) attachment.contentId = record.contentId;
  return attachment;
}
