import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a one-click rating link names: which ticket, which token (for single use), until when. */
export interface RatingTokenClaims {
  /** Random id, stored when the token is used so it works once. */
  id: string;
  ticketId: number;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export type RatingTokenCheck = { ok: true; claims: RatingTokenClaims } | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url');
const PURPOSE = 'satisfaction-rating.v1';

function mac(secret: string, body: string) {
  // The purpose is part of the MAC so a token signed for something else never passes here.
  return createHmac('sha256', secret).update(`${PURPOSE}.${body}`).digest();
}

/** `<claims as base64url JSON>.<HMAC-SHA256 as base64url>`, short enough for a link in an email. */
export function signRatingToken(secret: string, ticketId: number, ttlMs: number, now = Date.now()): string {
  const claims: RatingTokenClaims = { id: randomBytes(16).toString('hex'), ticketId, exp: Math.floor((now + ttlMs) / 1000) };
  const body = b64(JSON.stringify(claims));
  return `${body}.${b64(mac(secret, body))}`;
}

/** Checks the signature first (so a forged token learns nothing), then the shape and the expiry. */
export function verifyRatingToken(secret: string, token: string, now = Date.now()): RatingTokenCheck {
  const [body, signature, ...rest] = token.split('.');
  if (!body || !signature || rest.length > 0) return { ok: false, reason: 'malformed' };
  const expected = mac(secret, body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' };
  let claims: RatingTokenClaims;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (
    typeof claims?.id !== 'string' ||
    !/^[0-9a-f]{32}$/.test(claims.id) ||
    !Number.isInteger(claims.ticketId) ||
    !Number.isInteger(claims.exp)
  ) {
    return { ok: false, reason: 'malformed' };
  }
  if (claims.exp * 1000 <= now) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
