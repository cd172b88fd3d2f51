import { z } from 'zod';
import { CHANNELS, ENTRY_KINDS } from './enums.js';

export const zCustomerId = z.coerce.number({ error: 'must be a customer id' }).int({ error: 'must be a customer id' }).positive({ error: 'must be a customer id' });

export const zCustomerNote = z.object({
  id: z.number().int(),
  body: z.string(),
  author: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  createdAt: z.string(),
});
export type CustomerNote = z.infer<typeof zCustomerNote>;

/** One message on one of the customer's tickets, in any channel: what they sent and what we answered. */
export const zCustomerInteraction = z.object({
  entryId: z.number().int(),
  ticketId: z.number().int(),
  subject: z.string(),
  kind: z.enum(ENTRY_KINDS),
  channel: z.enum(CHANNELS),
  fromCustomer: z.boolean(),
  excerpt: z.string(),
  createdAt: z.string(),
});
export type CustomerInteraction = z.infer<typeof zCustomerInteraction>;

export const zCustomerRating = z.object({
  ticketId: z.number().int(),
  subject: z.string(),
  rating: z.number().int(),
  comment: z.string().nullable(),
  createdAt: z.string(),
});

/**
 * The CRM view of a customer (staff only): contact details, company, how they reached us, the notes
 * staff keep about them (never shown to customers), their satisfaction history. Their tickets come
 * from tickets.list({ requesterId }), which is scoped by the same rules as every ticket list.
 */
export const zCustomerProfile = z.object({
  id: z.number().int(),
  name: z.string(),
  emails: z.array(z.string()),
  phones: z.array(z.object({ e164: z.string(), optedOut: z.boolean() })),
  company: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  companyAdmin: z.boolean(),
  language: z.string().nullable(),
  status: z.string(),
  createdAt: z.string(),
  ticketCount: z.number().int(),
  openTicketCount: z.number().int(),
  channels: z.array(z.object({ channel: z.enum(CHANNELS), count: z.number().int() })),
  interactions: z.array(zCustomerInteraction),
  notes: z.array(zCustomerNote),
  satisfaction: z.object({ average: z.number().nullable(), count: z.number().int(), ratings: z.array(zCustomerRating) }),
});
export type CustomerProfile = z.infer<typeof zCustomerProfile>;

export const zGetCustomerProfileInput = z.object({ id: zCustomerId });
export const zAddCustomerNoteInput = z.object({
  customerId: zCustomerId,
  body: z.string({ error: 'is required' }).trim().min(1, { error: 'is required' }).max(5000, { error: 'must be at most 5000 characters' }),
});
export type AddCustomerNoteInput = z.input<typeof zAddCustomerNoteInput>;
