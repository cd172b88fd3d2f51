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
};
