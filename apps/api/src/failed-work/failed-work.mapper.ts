import type { FailedWork } from '@switchboard/contracts';
import type { FailedRow } from './failed-work.repository.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function toFailedWork(r: FailedRow): FailedWork {
  const ticketId = r.ticketId === null ? null : Number(r.ticketId);
  return {
    id: Number(r.id),
    topic: r.topic,
    ticketId: ticketId !== null && Number.isInteger(ticketId) && ticketId > 0 ? ticketId : null,
    subject: r.subject && r.subject !== 'null' ? r.subject : null,
    attempts: Number(r.attempts),
    lastError: r.lastError,
    createdAt: iso(r.createdAt)!,
    failedAt: iso(r.failedAt),
  };
}
