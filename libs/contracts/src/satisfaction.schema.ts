import { z } from 'zod';
import { zTicketId } from './ticket.schema.js';

export const zRatingScore = z.coerce
  .number({ error: 'must be a number from 1 to 5' })
  .int({ error: 'must be a whole number from 1 to 5' })
  .min(1, { error: 'must be from 1 to 5' })
  .max(5, { error: 'must be from 1 to 5' });
const zComment = z.string().trim().max(2000, { error: 'must be at most 2000 characters' }).optional();

export const zRateTicketInput = z.object({ ticketId: zTicketId, rating: zRatingScore, comment: zComment });
export type RateTicketInput = z.input<typeof zRateTicketInput>;

export const zRateByTokenInput = z.object({
  token: z.string().min(1, { error: 'is required' }).max(512),
  rating: zRatingScore,
  comment: zComment,
});
export type RateByTokenInput = z.input<typeof zRateByTokenInput>;

export const zTicketRatingInput = z.object({ ticketId: zTicketId });

export const zSatisfactionRating = z.object({
  ticketId: z.number().int(),
  rating: z.number().int().min(1).max(5),
  comment: z.string().nullable(),
  customerId: z.number().int(),
  /** The agent credited: the assignee, or else the last agent who replied publicly. */
  agentId: z.number().int().nullable(),
  source: z.enum(['portal', 'link']),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SatisfactionRating = z.infer<typeof zSatisfactionRating>;

/** `rating` is null while the ticket has none. */
export const zTicketRating = z.object({ rating: zSatisfactionRating.nullable() });
export type TicketRating = z.infer<typeof zTicketRating>;
