import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The plus-address token that names a ticket in a reply address (support+<token>@domain):
 * `<ticket id>-<first 16 hex of HMAC-SHA256(secret, "email-reply:<id>")>`. Without the secret
 * nobody can make a token for another ticket, so guessing a ticket number gets a stranger nowhere.
 */
export function replyToken(ticketId: number, secret: string): string {
  const mac = createHmac('sha256', secret).update(`email-reply:${ticketId}`).digest('hex').slice(0, 16);
  return `${ticketId}-${mac}`;
}

/** The ticket a token names, or null when it is malformed or not signed with our secret. */
export function ticketIdFromToken(token: string, secret: string): number | null {
  const match = /^(\d{1,10})-([0-9a-f]{16})$/i.exec(token.trim());
  if (!match) return null;
  const ticketId = Number(match[1]);
  const expected = Buffer.from(replyToken(ticketId, secret).split('-')[1]!, 'utf8');
  const given = Buffer.from(match[2]!.toLowerCase(), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected) ? ticketId : null;
}

/** support@acme.test + ticket 12 -> support+12-<mac>@acme.test */
export function replyAddress(supportAddress: string, ticketId: number, secret: string): string {
  const at = supportAddress.lastIndexOf('@');
  return `${supportAddress.slice(0, at)}+${replyToken(ticketId, secret)}@${supportAddress.slice(at + 1)}`;
}

/** The first plus-address token among the recipients that uses our support address's local part. */
export function tokenInRecipients(recipients: readonly string[], supportAddress: string): string | null {
  const local = supportAddress.slice(0, supportAddress.lastIndexOf('@')).toLowerCase();
  for (const recipient of recipients) {
    const address = recipient.toLowerCase();
    const at = address.lastIndexOf('@');
    const [base, ...tag] = address.slice(0, at).split('+');
    if (base === local && tag.length) return tag.join('+');
  }
  return null;
}
