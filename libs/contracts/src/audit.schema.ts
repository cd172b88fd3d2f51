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

/** The audit actions of the admins' security log: sign-ins and account security, and changes to who may do what. */
export const SIGN_IN_ACTIONS = [
  'auth.signed_in',
  'auth.sign_in_failed',
  'auth.locked',
  'auth.password_reset_requested',
  'auth.password_reset',
  'auth.email_verified',
  'auth.two_factor_enabled',
  'auth.two_factor_disabled',
  'auth.two_factor_reset',
  'auth.recovery_codes_regenerated',
  'api_key.created',
  'api_key.revoked',
] as const;
export const PERMISSION_ACTIONS = [
  'user.registered',
  'staff.invited',
  'staff.invitation_accepted',
  'agent.updated',
  'customer.company_admin',
  'customer.moved',
  'company.member_invited',
  'company.member_removed',
  'company.created',
  'company.updated',
  'settings.security_updated',
  'settings.sso_groups_updated',
  'sso.provisioned',
] as const;

export const zSecurityLogInput = z.object({
  kind: z.enum(['all', 'sign_in', 'permission']).default('all'),
  /** Only entries about this user. */
  userId: z.coerce.number().int().positive().optional(),
  /** Keyset paging: the nextBefore of the previous page. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type SecurityLogInput = z.input<typeof zSecurityLogInput>;
export type SecurityLogFilter = z.infer<typeof zSecurityLogInput>;
export const zSecurityLogEntry = zAuditEntry.extend({
  subject: z.object({ type: z.string(), id: z.string(), name: z.string().nullable() }),
});
export type SecurityLogEntry = z.infer<typeof zSecurityLogEntry>;
export const zSecurityLog = z.object({ entries: z.array(zSecurityLogEntry), nextBefore: z.number().int().nullable() });
export type SecurityLog = z.infer<typeof zSecurityLog>;
