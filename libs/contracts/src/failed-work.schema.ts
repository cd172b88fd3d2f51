import { z } from 'zod';

/**
 * Failed background work (docs/decisions/023): outbox rows whose job gave up after its last attempt,
 * for admins to retry or dismiss. Only what an admin needs leaves the API: the topic, the ticket the
 * payload names (if any), attempts, the last error and the times; never the payload itself (it can hold
 * reset links and invitation tokens).
 */
export const zOutboxTopicName = z
  .string()
  .trim()
  .min(1, { error: 'must name a topic such as ticket.created' })
  .max(80)
  .regex(/^[a-z0-9_.]+$/, { error: 'must be a topic such as ticket.created (lowercase letters, digits, . and _)' });

export const zFailedWork = z.object({
  id: z.number().int(),
  topic: z.string(),
  /** The ticket the payload names (ticketId, or a merge's target), when it names one. */
  ticketId: z.number().int().nullable(),
  /** The payload's subject line when it has one (a ticket's subject). */
  subject: z.string().nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  failedAt: z.string().nullable(),
});
export type FailedWork = z.infer<typeof zFailedWork>;

export const zFailedWorkListInput = z.object({
  topic: zOutboxTopicName.optional(),
  /** The nextCursor of the previous page (keyset: newest first, by id). */
  cursor: z
    .string()
    .regex(/^\d{1,19}$/, { error: 'must be the nextCursor of a previous page' })
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const zFailedWorkPage = z.object({ items: z.array(zFailedWork), nextCursor: z.string().nullable() });

export const zFailedWorkCounts = z.object({
  total: z.number().int(),
  topics: z.array(z.object({ topic: z.string(), count: z.number().int() })),
});
export type FailedWorkCounts = z.infer<typeof zFailedWorkCounts>;

export const zFailedWorkId = z.object({ id: z.coerce.number().int().positive() });
export const zFailedWorkTopicInput = z.object({ topic: zOutboxTopicName });

/** What a retry or dismiss did: `changed: false` when the row was already where the action would put it. */
export const zFailedWorkActionResult = z.object({
  id: z.number().int(),
  status: z.enum(['pending', 'queued', 'done', 'failed', 'dismissed']),
  changed: z.boolean(),
  message: z.string(),
});
export type FailedWorkActionResult = z.infer<typeof zFailedWorkActionResult>;
export const zFailedWorkTopicResult = z.object({ topic: z.string(), retried: z.number().int() });
