import { z } from 'zod';

export const zOutboundMessage = z.object({
  id: z.number().int(),
  channel: z.string(),
  recipient: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  status: z.string(),
  /** What SendGrid's Event Webhook last reported (processed, deferred, delivered, opened, bounced, dropped...), if anything. */
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
