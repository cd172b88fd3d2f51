import iconv from 'iconv-lite';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { messageIdList, normalizeMessageId } from '../threading/message-ids.js';
import { fieldBytes, modeOf, type InboundPayload } from './inbound-payload.js';
import type { DeliveryReport, InboundFile, InboundMessage, MailAddress } from './inbound-message.js';

/** A payload that cannot be turned into a message: kept as failed with this reason. */
export class InboundParseError extends Error {}

const addresses = (value: AddressObject | AddressObject[] | undefined): MailAddress[] =>
  (Array.isArray(value) ? value : value ? [value] : [])
    .flatMap((group) => group.value)
    .flatMap((a) => (a.group ? a.group : [a]))
    .filter((a) => a.address)
    .map((a) => ({ address: a.address!.toLowerCase(), name: a.name ?? '' }));

function headerMap(parsed: ParsedMail): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { key, line } of parsed.headerLines) {
    const value = line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
    map.set(key.toLowerCase(), [...(map.get(key.toLowerCase()) ?? []), value]);
  }
  return map;
}

/**
 * Decodes bytes in a named charset: iconv-lite (what mailparser uses too) for the single- and
 * double-byte sets (iso-8859-x, windows-125x, koi8, shift_jis, gb2312, ...), TextDecoder for what it
 * lacks (iso-2022-jp), UTF-8 for anything unknown. Not TextDecoder first: without full ICU Node maps
 * windows-1252 to latin1 and loses “ ” – … €.
 */
export function decodeCharset(bytes: Buffer, charset: string | undefined): string {
  const name = (charset || 'utf-8').trim().toLowerCase();
  if (iconv.encodingExists(name)) return iconv.decode(bytes, name);
  try {
    return new TextDecoder(name).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function fieldsOf(header: string, text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of text.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return fields.size ? fields : new Map([[header, '']]);
}

/** Reads the message/delivery-status part and the returned headers of a multipart/report. */
async function deliveryReport(parsed: ParsedMail, files: InboundFile[]): Promise<DeliveryReport | null> {
  const contentType = String(parsed.headerLines.find((h) => h.key === 'content-type')?.line ?? '').toLowerCase();
  if (!contentType.includes('multipart/report')) return null;
  const status = files.find((f) => f.contentType === 'message/delivery-status');
  const returned = files.find((f) => f.contentType === 'text/rfc822-headers' || f.contentType === 'message/rfc822');
  // mailparser hands message/delivery-status over as text: the fields are then in the body.
  const fields = fieldsOf('status', status ? status.content.toString('utf8') : (parsed.text ?? ''));
  let originalMessageId: string | null = null;
  if (returned) {
    const original = await simpleParser(returned.content, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true });
    originalMessageId = normalizeMessageId(original.messageId);
  }
  originalMessageId ??= normalizeMessageId(fields.get('original-message-id')) ?? normalizeMessageId(parsed.inReplyTo);
  return {
    originalMessageId,
    recipient: (fields.get('final-recipient') ?? fields.get('original-recipient'))?.replace(/^rfc822;\s*/i, '').toLowerCase() ?? null,
    action: fields.get('action')?.toLowerCase() ?? null,
    status: fields.get('status') ?? null,
    diagnostic: fields.get('diagnostic-code') ?? null,
  };
}

async function fromMime(mime: Buffer, overrides: { envelopeTo: string[]; envelopeFrom: string | null; spamScore: number | null }) {
  // keepCidLinks: inline images stay cid: references to their attachment (shown in place at render
  // time through the permission-checked attachment route), not data: URLs inlined into the HTML.
  const parsed = await simpleParser(mime, { skipTextLinks: true, skipHtmlToText: true, keepCidLinks: true });
  const headers = headerMap(parsed);
  if (headers.size === 0) throw new InboundParseError('the message has no headers');
  const files: InboundFile[] = parsed.attachments.map((a) => ({
    filename: a.filename ?? (a.contentType === 'message/rfc822' ? 'message.eml' : 'attachment'),
    contentType: a.contentType.toLowerCase(),
    content: a.content,
    contentId: a.cid ?? null,
    inline: a.contentDisposition === 'inline' || Boolean(a.related),
  }));
  const report = await deliveryReport(parsed, files);
  const message: InboundMessage = {
    messageId: normalizeMessageId(parsed.messageId),
    inReplyTo: messageIdList([headers.get('in-reply-to')?.[0]]),
    references: messageIdList([headers.get('references')?.join(' ')]),
    from: addresses(parsed.from)[0] ?? null,
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: parsed.html || null,
    headers,
    // A report's own parts are not attachments anyone wants to read.
    attachments: report ? [] : files,
    spamScore: overrides.spamScore,
    envelopeTo: overrides.envelopeTo,
    envelopeFrom: overrides.envelopeFrom,
    report,
  };
  return message;
}

function envelopeOf(payload: InboundPayload): { to: string[]; from: string | null } {
  const raw = fieldBytes(payload, 'envelope')?.toString('utf8');
  if (!raw) return { to: [], from: null };
  try {
    const envelope = JSON.parse(raw) as { to?: string[] | string; from?: string | null };
    const to = (Array.isArray(envelope.to) ? envelope.to : envelope.to ? [envelope.to] : []).map((a) => a.toLowerCase());
    return { to, from: envelope.from == null ? null : String(envelope.from).toLowerCase() };
  } catch {
    return { to: [], from: null };
  }
}

/**
 * Decodes a stored Inbound Parse payload. Raw mode: the MIME message in `email`, parsed by
 * mailparser (charsets, transfer encodings, RFC 2047/2231). Parsed mode: SendGrid already split
 * the message; its `headers` block is parsed for the threading headers and addresses, the bodies
 * are decoded with the charsets it names, and attachmentN files are matched to `attachment-info`.
 */
export async function parseInbound(payload: InboundPayload): Promise<InboundMessage> {
  const envelope = envelopeOf(payload);
  const score = fieldBytes(payload, 'spam_score')?.toString('utf8');
  const spamScore = score && Number.isFinite(Number(score)) ? Number(score) : null;
  const overrides = { envelopeTo: envelope.to, envelopeFrom: envelope.from, spamScore };
  try {
    if (modeOf(payload) === 'raw') return await fromMime(fieldBytes(payload, 'email')!, overrides);

    const headerBlock = fieldBytes(payload, 'headers');
    if (!headerBlock || headerBlock.length === 0) throw new InboundParseError('parsed-mode post without a headers field');
    let charsets: Record<string, string> = {};
    try {
      charsets = JSON.parse(fieldBytes(payload, 'charsets')?.toString('utf8') ?? '{}') as Record<string, string>;
    } catch {
      charsets = {};
    }
    const text = (name: string) => {
      const bytes = fieldBytes(payload, name);
      return bytes ? decodeCharset(bytes, charsets[name]) : null;
    };
    const message = await fromMime(Buffer.concat([headerBlock, Buffer.from('\r\n\r\n')]), overrides);
    let info: Record<string, { filename?: string; name?: string; type?: string; 'content-id'?: string }> = {};
    try {
      info = JSON.parse(fieldBytes(payload, 'attachment-info')?.toString('utf8') ?? '{}');
    } catch {
      info = {};
    }
    const attachments: InboundFile[] = payload.files.map((file) => {
      const meta = info[file.field] ?? {};
      const contentId = meta['content-id'] ?? null;
      return {
        filename: meta.filename ?? meta.name ?? file.filename,
        contentType: (meta.type ?? file.contentType).toLowerCase(),
        content: Buffer.from(file.data, 'base64'),
        contentId: contentId ? contentId.replace(/^<|>$/g, '') : null,
        inline: Boolean(contentId),
      };
    });
    return {
      ...message,
      subject: message.subject || text('subject') || '',
      text: text('text') ?? '',
      html: text('html') || null,
      attachments,
    };
  } catch (error) {
    if (error instanceof InboundParseError) throw error;
    throw new InboundParseError(`the message could not be parsed: ${(error as Error).message}`);
  }
}
