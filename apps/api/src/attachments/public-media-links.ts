import { Inject, Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';

/** How long a public link to a file works: long enough for a provider to fetch it, and its retries. */
export const PUBLIC_MEDIA_TTL_MS = 6 * 3_600_000;
export const PUBLIC_MEDIA_PATH = '/media';

const mac = (secret: string, body: string) => createHmac('sha256', `switchboard:public-media:${secret}`).update(body).digest();

/** `<attachmentId>.<expiry seconds>.<mac>`: who has it may fetch that one file until it expires, without signing in. */
export function signMediaToken(secret: string, attachmentId: number, now = Date.now(), ttlMs = PUBLIC_MEDIA_TTL_MS): string {
  const body = `${attachmentId}.${Math.floor((now + ttlMs) / 1000)}`;
  return `${body}.${mac(secret, body).toString('base64url')}`;
}

/** The attachment id the token was made for, or null when it is forged, malformed or expired. */
export function verifyMediaToken(secret: string, token: string, now = Date.now()): number | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [id, exp, signature] = parts as [string, string, string];
  if (!/^\d{1,15}$/.test(id) || !/^\d{1,12}$/.test(exp)) return null;
  const expected = mac(secret, `${id}.${exp}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (Number(exp) * 1000 < now) return null;
  return Number(id);
}

/**
 * Signed, expiring public links to files on public entries, for providers that fetch media by URL
 * (Twilio's MediaUrl for MMS/WhatsApp). The path is relative: the caller puts its public base in front.
 */
@Injectable()
export class PublicMediaLinks {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  path(attachmentId: number, now = Date.now()): string {
    return `${PUBLIC_MEDIA_PATH}/${signMediaToken(this.config.signingSecret, attachmentId, now)}`;
  }

  verify(token: string, now = Date.now()): number | null {
    return verifyMediaToken(this.config.signingSecret, token, now);
  }
}
