import { createHash } from 'node:crypto';
import { normalizeMessageId } from '../threading/message-ids.js';

/** One file part of an Inbound Parse post (parsed mode's attachmentN parts). */
export interface PayloadFile {
  field: string;
  filename: string;
  contentType: string;
  /** base64 of the bytes as received. */
  data: string;
}

/**
 * What SendGrid posted, byte for byte: every form field as base64 of its raw bytes (parsed mode
 * sends each field in its own charset, named in the `charsets` field, so decoding waits for the
 * job) and every file. Stored as JSON in inbound_emails.payload before we answer.
 */
export interface InboundPayload {
  fields: Record<string, string>;
  files: PayloadFile[];
}

export type InboundMode = 'raw' | 'parsed';

export const fieldBytes = (payload: InboundPayload, name: string): Buffer | null =>
  payload.fields[name] != null ? Buffer.from(payload.fields[name]!, 'base64') : null;

export const modeOf = (payload: InboundPayload): InboundMode => (payload.fields.email != null ? 'raw' : 'parsed');

/** The header block of a MIME message (everything before the first empty line), as latin1 text. */
function headerBlock(mime: Buffer): string {
  const text = mime.subarray(0, 256 * 1024).toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  return end === -1 ? text : text.slice(0, end);
}

/** One header's unfolded value from a raw header block, or null. */
export function headerValue(block: string, name: string): string | null {
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  const match = new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(unfolded);
  return match ? match[1]!.trim() : null;
}

/**
 * What identifies a message before it is parsed: its Message-ID, or (none given) a hash of the
 * whole payload, so that the same post twice is still one message. Also the sender and subject
 * for the admin list (undecoded; the job stores the decoded values).
 */
export function identify(payload: InboundPayload): { messageId: string; sender: string | null; subject: string | null } {
  const raw = fieldBytes(payload, 'email');
  const block = raw ? headerBlock(raw) : (fieldBytes(payload, 'headers')?.toString('latin1') ?? '');
  const declared = normalizeMessageId(headerValue(block, 'Message-ID'));
  const messageId =
    declared ?? `sha256-${createHash('sha256').update(JSON.stringify(payload)).digest('hex')}@inbound.switchboard.invalid`;
  const from = headerValue(block, 'From') ?? fieldBytes(payload, 'from')?.toString('utf8') ?? null;
  const sender = from ? (/<([^<>\s]+@[^<>\s]+)>/.exec(from)?.[1] ?? /[^\s<>"]+@[^\s<>"]+/.exec(from)?.[0] ?? null) : null;
  const subject = headerValue(block, 'Subject') ?? fieldBytes(payload, 'subject')?.toString('utf8') ?? null;
  return { messageId, sender: sender?.toLowerCase().slice(0, 190) ?? null, subject: subject?.slice(0, 255) ?? null };
}
