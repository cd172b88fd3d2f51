import { z } from 'zod';

/**
 * What became of a reply sent on an outbound channel (SMS, WhatsApp): `status` is the provider's
 * latest delivery state (queued, sent, delivered, undelivered, failed, read) or, when it never
 * reached the provider, why: local (channel off, kept in the local outbox), blocked (the number
 * opted out), failed, sending.
 */
export const zDelivery = z.object({
  channel: z.string(),
  recipient: z.string(),
  status: z.string(),
  error: z.string().nullable(),
  updatedAt: z.string().nullable(),
  /** What the provider reported, oldest first (email: SendGrid's Event Webhook: processed, delivered, open, bounce, dropped, ...). */
  events: z.array(z.object({ event: z.string(), at: z.string(), reason: z.string().nullable() })).optional(),
});
export type Delivery = z.infer<typeof zDelivery>;

export const DELIVERY_LABELS: Record<string, string> = {
  local: 'Kept in the local outbox',
  blocked: 'Not sent: opted out',
  sending: 'Sending',
  accepted: 'Accepted',
  scheduled: 'Scheduled',
  queued: 'Queued',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
  undelivered: 'Undelivered',
  failed: 'Failed',
  processed: 'Processed',
  deferred: 'Deferred',
  opened: 'Opened',
  clicked: 'Clicked',
  bounced: 'Bounced',
  dropped: 'Dropped',
  spam_reported: 'Reported as spam',
  suppressed: 'Not sent: automatic mail suppressed',
  rate_limited: 'Not sent: rate limit',
};

/** SendGrid Event Webhook event names as shown under an emailed reply. */
export const DELIVERY_EVENT_LABELS: Record<string, string> = {
  processed: 'Processed',
  deferred: 'Deferred',
  delivered: 'Delivered',
  open: 'Opened',
  click: 'Clicked',
  bounce: 'Bounced',
  blocked: 'Blocked',
  dropped: 'Dropped',
  spamreport: 'Reported as spam',
  unsubscribe: 'Unsubscribed',
};
