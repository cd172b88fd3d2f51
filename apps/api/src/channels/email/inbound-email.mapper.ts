import type { InboundEmail } from '@switchboard/contracts';
import type { InboundEmailRow } from './inbound/inbound-email.repository.js';

export function toInboundEmail(row: InboundEmailRow): InboundEmail {
  return {
    id: row.id,
    messageId: row.messageId,
    mode: row.mode,
    sender: row.sender,
    subject: row.subject,
    status: row.status,
    failureReason: row.failureReason,
    route: row.route,
    routeReason: row.routeReason,
    ticketId: row.ticketId,
    entryId: row.ticketEntryId,
    attempts: row.attempts,
    released: row.released,
    createdAt: row.createdAt.toISOString(),
  };
}
