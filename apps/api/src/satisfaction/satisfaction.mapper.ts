import type { SatisfactionRating } from '@switchboard/contracts';
import type { RatingRow } from './satisfaction.repository.js';

export function toSatisfactionRating(row: RatingRow): SatisfactionRating {
  return {
    ticketId: row.ticketId,
    rating: Number(row.rating),
    comment: row.comment ?? null,
    customerId: row.customerId,
    agentId: row.agentId ?? null,
    source: row.source,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
