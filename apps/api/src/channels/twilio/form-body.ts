import type { Request } from 'express';

const LIMIT = 256 * 1024;

/**
 * Reads an application/x-www-form-urlencoded body (the app runs without a global body parser).
 * Repeated keys keep the last value, as Twilio never repeats one. Throws on a body over 256 KiB.
 */
export async function readFormBody(req: Request): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > LIMIT) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
}
