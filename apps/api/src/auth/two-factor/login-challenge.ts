import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Proof that a password was right, for the second sign-in step: `<userId>.<expiry>.<mac>`, valid
 * for a few minutes. The password is never sent twice, and the challenge alone signs nobody in.
 */
export const CHALLENGE_TTL_MS = 5 * 60_000;

const mac = (secret: string, body: string) => createHmac('sha256', `switchboard:login-challenge:${secret}`).update(body).digest();

export function signChallenge(secret: string, userId: number, now = Date.now()): string {
  const body = `${userId}.${Math.floor((now + CHALLENGE_TTL_MS) / 1000)}`;
  return `${body}.${mac(secret, body).toString('base64url')}`;
}

/** The user id the challenge was made for, or null when it is forged, malformed or expired. */
export function verifyChallenge(secret: string, challenge: string, now = Date.now()): number | null {
  const parts = challenge.split('.');
  if (parts.length !== 3) return null;
  const [userId, exp, signature] = parts;
  const expected = mac(secret, `${userId}.${exp}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (!/^\d+$/.test(userId) || !/^\d+$/.test(exp) || Number(exp) * 1000 < now) return null;
  return Number(userId);
}
