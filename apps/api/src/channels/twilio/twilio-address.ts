import { parsePhoneNumberFromString } from 'libphonenumber-js';

export type MessagingChannel = 'sms' | 'whatsapp';

/** A Twilio address (`+4915...` or `whatsapp:+4915...`) read as a channel and an E.164 number. */
export interface TwilioAddress {
  channel: MessagingChannel;
  e164: string;
}

const WHATSAPP = 'whatsapp:';

/** null when the number cannot be a phone number (a short code or garbage is never a customer). */
export function parseTwilioAddress(raw: string | undefined | null): TwilioAddress | null {
  if (!raw) return null;
  const trimmed = raw.trim();
  const whatsapp = trimmed.toLowerCase().startsWith(WHATSAPP);
  const number = parsePhoneNumberFromString(whatsapp ? trimmed.slice(WHATSAPP.length) : trimmed);
  if (!number || !number.isPossible()) return null;
  return { channel: whatsapp ? 'whatsapp' : 'sms', e164: number.number };
}

/** The address Twilio expects for a number on a channel. */
export function toTwilioAddress(channel: MessagingChannel, e164: string): string {
  return channel === 'whatsapp' ? `${WHATSAPP}${e164}` : e164;
}

/**
 * users.email is unique and required, so a customer known only by phone gets an address that can
 * never receive mail: the .invalid top-level domain is reserved (RFC 2606) and never resolves.
 */
export const phonePlaceholderEmail = (e164: string) => `${e164}@phone.invalid`;
export const isPhonePlaceholderEmail = (email: string) => email.endsWith('@phone.invalid');
