import { z } from 'zod';

export const INBOUND_EMAIL_STATUSES = ['received', 'processing', 'processed', 'failed', 'ignored', 'spam'] as const;
export type InboundEmailStatus = (typeof INBOUND_EMAIL_STATUSES)[number];

/** One email SendGrid Inbound Parse posted us, and what became of it (admins' view). */
export const zInboundEmail = z.object({
  id: z.number().int(),
  messageId: z.string(),
  mode: z.enum(['raw', 'parsed']),
  sender: z.string().nullable(),
  subject: z.string().nullable(),
  status: z.enum(INBOUND_EMAIL_STATUSES),
  /** Why it failed, was ignored or held as spam. */
  failureReason: z.string().nullable(),
  /** How threading placed it (plus_address, subject_token, in_reply_to, references, subject_fallback, new, follow_up, bounce, ...). */
  route: z.string().nullable(),
  routeReason: z.string().nullable(),
  ticketId: z.number().int().nullable(),
  entryId: z.number().int().nullable(),
  attempts: z.number().int(),
  /** Released from the spam hold by an admin. */
  released: z.boolean(),
  createdAt: z.string(),
});
export type InboundEmail = z.infer<typeof zInboundEmail>;

export const zInboundEmailListInput = z.object({
  /** Only these statuses; all when empty or absent. */
  status: z.array(z.enum(INBOUND_EMAIL_STATUSES)).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export const zInboundEmailPage = z.object({ items: z.array(zInboundEmail), total: z.number().int() });

export const zInboundEmailRetryInput = z.object({ id: z.coerce.number().int().positive() });

/** Why each email entry of a ticket landed there (shown to agents on the timeline). */
export const zEntryRoutesInput = z.object({ ticketId: z.coerce.number().int().positive() });
export const zEntryRoute = z.object({
  entryId: z.number().int(),
  route: z.string(),
  reason: z.string(),
  sender: z.string().nullable(),
});
export type EntryRoute = z.infer<typeof zEntryRoute>;
export const zEntryRoutes = z.array(zEntryRoute);

/** Mail templates admins can edit (liquid: {{ ticket.id }}, {{ ticket.subject }}, {{ requester.name }}, {{ company.name }}). */
export const EMAIL_TEMPLATE_KINDS = ['acknowledgement'] as const;
/** Which template: a company's (companyId) or the default (companyId absent or null). */
export const zEmailTemplateKey = z.object({
  companyId: z.coerce.number().int().positive().nullable().optional(),
  kind: z.enum(EMAIL_TEMPLATE_KINDS).default('acknowledgement'),
});
export const zEmailTemplate = z.object({
  /** null: the default for every company without its own. */
  companyId: z.number().int().positive().nullable(),
  kind: z.enum(EMAIL_TEMPLATE_KINDS),
  /** Off: this message is not sent at all. */
  enabled: z.boolean(),
  subject: z.string().trim().min(1, { error: 'is required' }).max(255, { error: 'must be at most 255 characters' }),
  text: z.string().min(1, { error: 'is required' }).max(100_000),
  html: z.string().max(200_000).nullable(),
});
export type EmailTemplate = z.infer<typeof zEmailTemplate>;
export const zEmailTemplateView = zEmailTemplate.extend({ custom: z.boolean() });
