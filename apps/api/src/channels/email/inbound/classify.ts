import { header, type InboundMessage } from './inbound-message.js';

/**
 * Mail a machine sent: auto-replies, vacation notices, mailing lists and bulk mail. It may still
 * become (or join) a ticket, but it never gets an automatic answer, so two systems cannot loop.
 * Returns why, or null for mail a person wrote.
 */
export function automaticReason(message: Pick<InboundMessage, 'headers' | 'envelopeFrom'>): string | null {
  const autoSubmitted = header(message, 'auto-submitted');
  if (autoSubmitted && autoSubmitted.toLowerCase() !== 'no') return `Auto-Submitted: ${autoSubmitted}`;
  if (header(message, 'x-autoreply') != null) return 'X-Autoreply';
  if (header(message, 'x-autorespond') != null) return 'X-Autorespond';
  const precedence = header(message, 'precedence')?.toLowerCase();
  if (precedence && /^(bulk|list|junk|auto_reply)$/.test(precedence)) return `Precedence: ${precedence}`;
  if (header(message, 'list-id') != null) return 'List-Id';
  const returnPath = header(message, 'return-path');
  if ((returnPath != null && /^<\s*>$/.test(returnPath.trim())) || message.envelopeFrom === '') return 'empty return path';
  return null;
}

/** A delivery status notification (bounce): a multipart/report, or mail from the mailer daemon. */
export function isBounce(message: Pick<InboundMessage, 'report' | 'from'>): boolean {
  if (message.report) return true;
  const from = message.from?.address ?? '';
  return /^(mailer-daemon|postmaster)@/i.test(from);
}
