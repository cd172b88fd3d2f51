import { z } from 'zod';
import { zAttachmentIds } from './attachment.schema.js';
import { CHANNELS, LEVELS, ROLES, TICKET_STATUSES } from './enums.js';

export const zTicketId = z.coerce.number({ error: 'must be a ticket id' }).int().positive();

export const zPerson = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string().nullable(),
  role: z.enum(ROLES),
});
export type Person = z.infer<typeof zPerson>;

export const zTicket = z.object({
  id: z.number().int(),
  number: z.number().int(),
  subject: z.string(),
  description: z.string(),
  status: z.enum(TICKET_STATUSES),
  urgency: z.enum(LEVELS),
  importance: z.enum(LEVELS),
  priority: z.number().int(),
  channel: z.enum(CHANNELS),
  requester: zPerson,
  assignee: zPerson.nullable(),
  companyId: z.number().int().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Ticket = z.infer<typeof zTicket>;

export const zCreateTicketInput = z.object({
  subject: z.string().trim().min(1, { error: 'is required' }).max(200, { error: 'must be at most 200 characters' }),
  description: z.string().trim().min(1, { error: 'is required' }).max(20000),
  urgency: z.enum(LEVELS).default('medium'),
  importance: z.enum(LEVELS).default('medium'),
  /** Uploads (POST /attachments) to attach to the ticket's first message. */
  attachmentIds: zAttachmentIds,
});
export type CreateTicketInput = z.input<typeof zCreateTicketInput>;

export const zListTicketsInput = z.object({
  status: z.enum(TICKET_STATUSES).optional(),
  urgency: z.enum(LEVELS).optional(),
  importance: z.enum(LEVELS).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListTicketsInput = z.input<typeof zListTicketsInput>;

export const zTicketPage = z.object({
  items: z.array(zTicket),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TicketPage = z.infer<typeof zTicketPage>;

export const zGetTicketInput = z.object({ id: zTicketId });

export const zUpdateTicketInput = z.object({
  id: zTicketId,
  status: z.enum(TICKET_STATUSES).optional(),
  urgency: z.enum(LEVELS).optional(),
  importance: z.enum(LEVELS).optional(),
  /** The version the client read; a stale one is a CONFLICT. Optional for integrators who accept last-write-wins. */
  version: z.number().int().optional(),
});
export type UpdateTicketInput = z.input<typeof zUpdateTicketInput>;
