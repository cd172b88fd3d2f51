import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import type { InboundPayload } from './inbound-payload.js';

/** SendGrid posts at most 30 MB per message; anything bigger is not from it. */
export const MAX_INBOUND_BYTES = 30 * 1024 * 1024;

export class InboundFormError extends Error {}

/**
 * Reads a whole Inbound Parse post into memory (it must be stored before we answer anyway).
 * Field values are kept as raw bytes (latin1 is byte-transparent), since parsed mode sends each
 * field in the charset its `charsets` field names.
 */
export function readInboundForm(req: IncomingMessage): Promise<InboundPayload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defCharset: 'latin1',
        defParamCharset: 'utf8',
        limits: { fieldSize: MAX_INBOUND_BYTES, fileSize: MAX_INBOUND_BYTES, files: 100, fields: 200 },
      });
    } catch {
      req.resume();
      return reject(new InboundFormError('expected multipart/form-data'));
    }
    const payload: InboundPayload = { fields: {}, files: [] };
    let total = 0;
    let failed = false;
    const fail = (message: string) => {
      if (failed) return;
      failed = true;
      req.unpipe(parser);
      req.resume();
      reject(new InboundFormError(message));
    };
    const count = (bytes: number) => {
      total += bytes;
      if (total > MAX_INBOUND_BYTES) fail('the message is larger than 30 MB');
    };
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) return fail(`field ${name} is too large`);
      const bytes = Buffer.from(value, 'latin1');
      count(bytes.length);
      payload.fields[name] = bytes.toString('base64');
    });
    parser.on('file', (field, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        count(chunk.length);
      });
      stream.on('limit', () => fail(`file ${field} is too large`));
      stream.on('end', () => {
        const data = Buffer.concat(chunks);
        // SendGrid's raw mode may send the MIME message as a file part named `email`.
        if (field === 'email') payload.fields.email = data.toString('base64');
        else payload.files.push({ field, filename: info.filename ?? field, contentType: info.mimeType ?? 'application/octet-stream', data: data.toString('base64') });
      });
    });
    parser.on('error', () => fail('the multipart body is malformed'));
    parser.on('close', () => {
      if (!failed) resolve(payload);
    });
    req.on('error', () => fail('the request was interrupted'));
    req.pipe(parser);
  });
}
