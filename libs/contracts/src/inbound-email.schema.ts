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

/**
 * Mail templates admins can edit (liquid: {{ ticket.id }}, {{ ticket.subject }}, {{ requester.name }}, {{ company.name }},
 * {{ company.brand.name }}, {{ company.brand.logo_url }}, {{ company.brand.primary_color }}, {{ company.brand.accent_color }};
 * reply: {{ agent.name }}, {{ reply.subject }}, {{ reply.text }}, {{ reply.html }}; csat: {% for link in rating.links %}
 * {{ link.score }} {{ link.label }} {{ link.url }}{% endfor %}).
 * acknowledgement: a new ticket; reply: the wrapper around an agent's reply; resolved: the status change
 * notice (sent on resolve when the CSAT request is off); csat: the satisfaction request on resolve.
 */
export const EMAIL_TEMPLATE_KINDS = ['acknowledgement', 'reply', 'resolved', 'csat'] as const;
export type EmailTemplateKind = (typeof EMAIL_TEMPLATE_KINDS)[number];
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

/** A template rendered with sample data, as the editor previews it. */
export const zEmailTemplatePreview = z.object({ subject: z.string(), text: z.string(), html: z.string().nullable() });
export type EmailTemplatePreview = z.infer<typeof zEmailTemplatePreview>;

/** The original of an emailed entry, as it arrived (quoted history and signature included). Staff only. */
export const zEntryOriginalInput = z.object({ ticketId: z.coerce.number().int().positive(), entryId: z.coerce.number().int().positive() });
export const zEntryOriginal = z.object({
  entryId: z.number().int(),
  messageId: z.string(),
  from: z.string().nullable(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  subject: z.string(),
  /** The whole plain-text body (or the HTML's text when the mail had only HTML). */
  text: z.string(),
  /** What the timeline shows of it, and what it folded away (quoted history, signature; empty when nothing was). */
  visible: z.string(),
  folded: z.string(),
  attachments: z.array(z.string()),
});
export type EntryOriginal = z.infer<typeof zEntryOriginal>;
