import { z } from 'zod';
import { zTicketId } from './ticket.schema.js';

export const zTicketAuditInput = z.object({ ticketId: zTicketId });

export const zAuditEntry = z.object({
  id: z.number().int(),
  action: z.string(),
  actor: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: z.string(),
});
export type AuditEntry = z.infer<typeof zAuditEntry>;

export const zTicketAudit = z.object({ entries: z.array(zAuditEntry) });
export type TicketAudit = z.infer<typeof zTicketAudit>;
