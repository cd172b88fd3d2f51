import { randomBytes } from 'node:crypto';
import iconv from 'iconv-lite';
import { simpleParser, type AddressObject } from 'mailparser';

export interface FormPart {
  name: string;
  value: Buffer | string;
  filename?: string;
  contentType?: string;
}

/** multipart/form-data built byte by byte, so a field can carry any bytes (as SendGrid's do). */
export function multipart(parts: FormPart[]) {
  const boundary = `----sbtest${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename != null ? `; filename="${part.filename.replace(/"/g, '%22')}"` : ''}`;
    const head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.contentType ? `Content-Type: ${part.contentType}\r\n` : ''}\r\n`;
    chunks.push(Buffer.from(head, 'utf8'), Buffer.isBuffer(part.value) ? part.value : Buffer.from(part.value, 'utf8'), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export interface PostOptions {
  secret: string;
  /** How the secret travels: basic auth (default), path token, or not at all. */
  auth?: 'basic' | 'path' | 'none';
  envelope?: { to: string[]; from: string };
  spamScore?: number;
}

const envelopeOf = (mime: Buffer, given?: PostOptions['envelope']) => {
  if (given) return given;
  const head = mime.toString('latin1').split(/\r?\n\r?\n/)[0]!;
  const addr = (name: string) => /<([^>]+)>/.exec(new RegExp(`^${name}:(.*)$`, 'im').exec(head)?.[1] ?? '')?.[1] ?? (new RegExp(`^${name}:\\s*(\\S+@\\S+)`, 'im').exec(head)?.[1] ?? '');
  return { to: [addr('To')].filter(Boolean), from: addr('From') };
};

/** POSTs a form to the inbound webhook the way SendGrid does. */
export async function postInbound(apiUrl: string, parts: FormPart[], options: PostOptions) {
  const { body, contentType } = multipart(parts);
  const auth = options.auth ?? 'basic';
  const url = `${apiUrl}/webhooks/sendgrid/inbound${auth === 'path' ? `/${encodeURIComponent(options.secret)}` : ''}`;
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      ...(auth === 'basic' ? { authorization: `Basic ${Buffer.from(`inbound:${options.secret}`).toString('base64')}` } : {}),
    },
    body,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Raw mode: the whole MIME message in the `email` field, plus envelope, charsets and spam score. */
export function rawForm(mime: Buffer, options: Omit<PostOptions, 'secret' | 'auth'> = {}): FormPart[] {
  return [
    { name: 'email', value: mime },
    { name: 'envelope', value: JSON.stringify(envelopeOf(mime, options.envelope)) },
    { name: 'charsets', value: JSON.stringify({ to: 'UTF-8', from: 'UTF-8', subject: 'UTF-8' }) },
    { name: 'spam_score', value: String(options.spamScore ?? 0.1) },
  ];
}

const addressField = (value: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(value) ? value : value ? [value] : []).map((a) => a.text).join(', ');

/** The charset the message declares for its first text/plain or text/html part. */
function declaredCharset(mime: string, type: 'plain' | 'html'): string | null {
  const unfolded = mime.replace(/\r?\n[ \t]+/g, ' ');
  const match = new RegExp(`Content-Type:\\s*text/${type}\\s*;[^\\r\\n]*?charset="?([\\w.:-]+)"?`, 'i').exec(unfolded);
  return match ? match[1]!.toLowerCase() : null;
}

/** A body field in the part's own charset, as SendGrid sends it; UTF-8 when iconv-lite cannot write that charset (ISO-2022-JP). */
function inCharset(text: string, charset: string | null): { value: Buffer; charset: string } {
  if (charset && !/^(utf-?8|us-ascii)$/i.test(charset) && iconv.encodingExists(charset)) {
    return { value: iconv.encode(text, charset), charset };
  }
  return { value: Buffer.from(text, 'utf8'), charset: 'UTF-8' };
}

/**
 * Parsed mode, built from the same MIME message the way SendGrid builds it: the raw header block
 * in `headers`, the decoded addresses and subject, the text and html bodies in the charset their
 * part declared (named in `charsets`), and each attachment as a file part `attachmentN` described
 * in `attachment-info`.
 */
export async function parsedForm(mime: Buffer, options: Omit<PostOptions, 'secret' | 'auth'> = {}): Promise<FormPart[]> {
  const parsed = await simpleParser(mime, { skipTextLinks: true, skipHtmlToText: true, keepCidLinks: true });
  const text = mime.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const headers = mime.subarray(0, end === -1 ? mime.length : end);
  const textBody = parsed.text ? inCharset(parsed.text, declaredCharset(text, 'plain')) : null;
  const htmlBody = parsed.html ? inCharset(parsed.html, declaredCharset(text, 'html')) : null;
  const parts: FormPart[] = [
    { name: 'headers', value: headers },
    { name: 'from', value: addressField(parsed.from) },
    { name: 'to', value: addressField(parsed.to) },
    ...(parsed.cc ? [{ name: 'cc', value: addressField(parsed.cc) }] : []),
    { name: 'subject', value: parsed.subject ?? '' },
    ...(textBody ? [{ name: 'text', value: textBody.value }] : []),
    ...(htmlBody ? [{ name: 'html', value: htmlBody.value }] : []),
    { name: 'envelope', value: JSON.stringify(envelopeOf(mime, options.envelope)) },
    {
      name: 'charsets',
      value: JSON.stringify({ to: 'UTF-8', from: 'UTF-8', subject: 'UTF-8', cc: 'UTF-8', ...(textBody ? { text: textBody.charset } : {}), ...(htmlBody ? { html: htmlBody.charset } : {}) }),
    },
    { name: 'spam_score', value: String(options.spamScore ?? 0.1) },
    { name: 'SPF', value: 'pass' },
    { name: 'attachments', value: String(parsed.attachments.length) },
  ];
  const info: Record<string, { filename: string; name: string; type: string; 'content-id'?: string }> = {};
  parsed.attachments.forEach((a, i) => {
    const field = `attachment${i + 1}`;
    const filename = a.filename ?? `attachment${i + 1}`;
    info[field] = { filename, name: filename, type: a.contentType, ...(a.cid ? { 'content-id': a.cid } : {}) };
    parts.push({ name: field, value: a.content, filename, contentType: a.contentType });
  });
  if (parsed.attachments.length) parts.push({ name: 'attachment-info', value: JSON.stringify(info) });
  return parts;
}
