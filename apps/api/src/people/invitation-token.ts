import { createHmac, timingSafeEqual } from 'node:crypto';

/** What an invitation link names: which invitation, until when (seconds since the epoch). */
export interface InvitationClaims {
  id: number;
  exp: number;
}

export type InvitationCheck = { ok: true; claims: InvitationClaims } | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

const PURPOSE = 'staff-invitation.v1';
const mac = (secret: string, body: string) => createHmac('sha256', secret).update(`${PURPOSE}.${body}`).digest();

/** `<claims as base64url JSON>.<HMAC-SHA256>`; the purpose is inside the MAC so no other signed token passes. */
export function signInvitationToken(secret: string, id: number, expiresAt: Date): string {
  const body = Buffer.from(JSON.stringify({ id, exp: Math.floor(expiresAt.getTime() / 1000) })).toString('base64url');
  return `${body}.${mac(secret, body).toString('base64url')}`;
}

export function verifyInvitationToken(secret: string, token: string, now = Date.now()): InvitationCheck {
  const [body, signature, ...rest] = token.split('.');
  if (!body || !signature || rest.length) return { ok: false, reason: 'malformed' };
  const expected = mac(secret, body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' };
  let claims: InvitationClaims;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!Number.isInteger(claims?.id) || !Number.isInteger(claims?.exp)) return { ok: false, reason: 'malformed' };
  if (claims.exp * 1000 <= now) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
