import { createHmac, timingSafeEqual } from 'node:crypto';

/** What the host site computes for an identified visitor: HMAC-SHA256 of the user id with the company's chat secret, hex. */
export function signVisitor(secret: string, userId: string): string {
  return createHmac('sha256', secret).update(userId, 'utf8').digest('hex');
}

/** Constant-time check of a visitor signature; false for anything that is not 64 hex characters. */
export function verifyVisitorSignature(secret: string, userId: string, signature: string): boolean {
  if (!/^[0-9a-fA-F]{64}$/.test(signature)) return false;
  const expected = Buffer.from(signVisitor(secret, userId), 'hex');
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
