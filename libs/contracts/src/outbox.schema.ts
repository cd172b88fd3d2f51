import { z } from 'zod';

export const zOutboundMessage = z.object({
  id: z.number().int(),
  channel: z.string(),
  recipient: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  /** Our side of the message: local, sending, sent, failed, suppressed, rate_limited, blocked; for email also bounced/dropped (decision 029). */
  status: z.string(),
  /** The provider's side: what SendGrid's Event Webhook or Twilio's status callback last reported (processed, delivered, opened, bounced, undelivered...), if anything. */
  deliveryStatus: z.string().nullable().optional(),
  ticketId: z.number().int().nullable(),
  createdAt: z.string(),
});
export type OutboundMessage = z.infer<typeof zOutboundMessage>;

export const zOutboxListInput = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export const zOutboxPage = z.object({ items: z.array(zOutboundMessage), total: z.number().int() });
