import { z } from 'zod';
import { zEmail } from './auth.schema.js';

/** Companies: settings (ticket visibility, branding), assigned agents, and their users. */

export const TICKET_VISIBILITIES = ['own', 'company'] as const;
export type TicketVisibility = (typeof TICKET_VISIBILITIES)[number];

export const zCompanyId = z.coerce.number({ error: 'must be a company id' }).int().positive();
const zColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour like #1a2b3c' });

export const zCompany = z.object({
  id: z.number().int(),
  name: z.string(),
  domain: z.string().nullable(),
  /** `own`: company users see their own tickets; `company`: every ticket of the company. */
  ticketVisibility: z.enum(TICKET_VISIBILITIES),
  brandName: z.string().nullable(),
  brandPrimaryColor: z.string().nullable(),
  brandAccentColor: z.string().nullable(),
  /** Said instead of the phone line's greeting to callers whose number belongs to this company's users. */
  voiceGreeting: z.string().nullable(),
  brandLogoUrl: z.string().nullable(),
  agents: z.array(z.object({ id: z.number().int(), name: z.string() })),
  userCount: z.number().int(),
});
export type Company = z.infer<typeof zCompany>;

export const zSaveCompanyInput = z.object({
  id: zCompanyId.optional(),
  name: z.string().trim().min(1, { error: 'is required' }).max(160),
  ticketVisibility: z.enum(TICKET_VISIBILITIES).default('own'),
  brandName: z.string().trim().max(160).nullable().optional(),
  brandPrimaryColor: zColor.nullable().optional(),
  brandAccentColor: zColor.nullable().optional(),
  voiceGreeting: z.string().trim().max(500, { error: 'must be at most 500 characters' }).nullable().optional(),
  /** An https address of the logo image shown in the portal and in emails. */
  brandLogoUrl: z
    .string()
    .trim()
    .max(500, { error: 'must be at most 500 characters' })
    .regex(/^https:\/\/[^\s"'<>]+$/, { error: 'must be an https:// address' })
    .nullable()
    .optional(),
  /** Agents who get this company's tickets first when its team routes them. */
  agentIds: z.array(z.coerce.number().int().positive()).max(100).optional(),
});
export type SaveCompanyInput = z.infer<typeof zSaveCompanyInput>;

export const zCompanyMember = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  companyAdmin: z.boolean(),
  status: z.string(),
});
export type CompanyMember = z.infer<typeof zCompanyMember>;

export const zMoveCustomerInput = z.object({
  userId: z.coerce.number().int().positive(),
  /** null: out of any company. */
  companyId: zCompanyId.nullable(),
});
export const zSetCompanyAdminInput = z.object({ userId: z.coerce.number().int().positive(), companyAdmin: z.boolean() });

/** A company admin invites someone into their company (admins: into any company). */
export const zInviteMemberInput = z.object({
  companyId: zCompanyId,
  email: zEmail,
  name: z.string().trim().min(1, { error: 'is required' }).max(120),
});
export type InviteMemberInput = z.infer<typeof zInviteMemberInput>;
export const zCompanyInvitation = z.object({ id: z.number().int(), userId: z.number().int(), email: z.string(), companyId: z.number().int(), expiresAt: z.string() });
export type CompanyInvitation = z.infer<typeof zCompanyInvitation>;
export const zRemoveMemberInput = z.object({ userId: z.coerce.number().int().positive() });
