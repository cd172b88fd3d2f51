import { z } from 'zod';
import { zEmail } from './auth.schema.js';

export const zPasswordResetRequest = z.object({ email: zEmail });
export type PasswordResetRequest = z.infer<typeof zPasswordResetRequest>;

export const zPasswordReset = z.object({
  token: z.string().trim().min(1, { error: 'is required' }).max(200),
  password: z.string().min(1, { error: 'is required' }).max(200),
});
export type PasswordReset = z.infer<typeof zPasswordReset>;

/** One sign-in (a bearer token) of the current user. */
export const zSession = z.object({
  id: z.number().int(),
  createdAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type Session = z.infer<typeof zSession>;

export const API_KEY_SCOPES = ['read', 'write'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const zApiKeyCreate = z.object({
  name: z.string().trim().min(1, { error: 'is required' }).max(80, { error: 'must be at most 80 characters' }),
  scope: z.enum(API_KEY_SCOPES, { error: 'must be read or write' }),
  /** Days until the key stops working; none: until revoked. */
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type ApiKeyCreate = z.infer<typeof zApiKeyCreate>;

export const API_KEY_REFUSALS = ['two_factor_not_enrolled'] as const;

export const zApiKey = z.object({
  id: z.number().int(),
  name: z.string(),
  /** The first characters of the key, to recognise it; the key itself is shown once, at creation. */
  prefix: z.string(),
  scope: z.enum(API_KEY_SCOPES),
  ownerId: z.number().int(),
  ownerName: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  lastUsedIp: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /**
   * Why the key is refused right now, or null: `two_factor_not_enrolled` while the admins require
   * two-factor for its owner's role and the owner has not turned it on (decision 027).
   */
  refused: z.enum(API_KEY_REFUSALS).nullable(),
});
export type ApiKey = z.infer<typeof zApiKey>;

/** The caller's key list, and whether their own keys are refused now (and for which role). */
export const zApiKeyList = z.object({
  items: z.array(zApiKey),
  ownKeysRefused: z.object({ reason: z.enum(API_KEY_REFUSALS), role: z.string() }).nullable(),
});
export type ApiKeyList = z.infer<typeof zApiKeyList>;

export const zCreatedApiKey = z.object({ apiKey: zApiKey, secret: z.string() });
export type CreatedApiKey = z.infer<typeof zCreatedApiKey>;

export const zTwoFactorCode = z.object({
  code: z.string().trim().regex(/^\d{6}$/, { error: 'must be the 6 digits your authenticator app shows' }),
});
export type TwoFactorCode = z.infer<typeof zTwoFactorCode>;

/** At sign-in: the authenticator's 6 digits, or one of the recovery codes (xxxxx-xxxxx) shown when two-factor was turned on. */
export const zTwoFactorLogin = z.object({
  code: z
    .string()
    .trim()
    .regex(/^(\d{6}|[A-Za-z0-9]{5}-[A-Za-z0-9]{5})$/, { error: 'must be the 6 digits your authenticator app shows, or a recovery code' }),
  challenge: z.string().min(1, { error: 'is required' }).max(200),
});
export type TwoFactorLogin = z.infer<typeof zTwoFactorLogin>;

export const zTwoFactorStatus = z.object({ enabled: z.boolean(), pending: z.boolean(), recoveryCodesLeft: z.number().int() });
/** Shown once: each recovery code signs in once instead of an authenticator code; only hashes are kept. */
export const zRecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export const zTwoFactorEnabled = zRecoveryCodes.extend({ ok: z.literal(true) });
export const zResetTwoFactorInput = z.object({ userId: z.coerce.number().int().positive() });
export type TwoFactorStatus = z.infer<typeof zTwoFactorStatus>;

/** Shown once at setup: the seed for manual entry and the otpauth:// URI for a QR code. */
export const zTwoFactorSetup = z.object({ secret: z.string(), uri: z.string() });
export type TwoFactorSetup = z.infer<typeof zTwoFactorSetup>;

export const zVerifyEmailInput = z.object({ token: z.string().trim().min(1, { error: 'is required' }).max(200) });
export type VerifyEmailInput = z.infer<typeof zVerifyEmailInput>;
export const zVerifyEmailResult = z.object({ ok: z.literal(true), companyName: z.string().nullable() });
export type VerifyEmailResult = z.infer<typeof zVerifyEmailResult>;

export const zSsoProviders = z.object({ oidc: z.object({ enabled: z.boolean(), label: z.string() }) });
export type SsoProviders = z.infer<typeof zSsoProviders>;

/** The first step's secrets; the workspace keeps them in its signed session until the callback. */
export const zSsoStart = z.object({ url: z.string(), state: z.string(), nonce: z.string(), codeVerifier: z.string() });
export type SsoStart = z.infer<typeof zSsoStart>;

export const zSsoFinishInput = z.object({
  callbackUrl: z.string().url({ error: 'must be the full callback URL' }).max(4000),
  state: z.string().min(1).max(200),
  nonce: z.string().min(1).max(200),
  codeVerifier: z.string().min(43).max(128),
});
export type SsoFinishInput = z.infer<typeof zSsoFinishInput>;

/** Admins' security settings: the staff roles that must use two-factor sign-in (single sign-on counts as one). */
export const zSecuritySettings = z.object({
  twoFactorRoles: z.array(z.enum(['agent', 'manager', 'admin'], { error: "must be 'agent', 'manager' or 'admin'" })).max(3),
});
export type SecuritySettings = z.infer<typeof zSecuritySettings>;

/**
 * Single sign-on group provisioning (decision 027): members of the provider's `group` get `role`
 * and/or join `teamId` at each sign-on; leaving the group takes them away again.
 */
export const zSsoGroupMapping = z
  .object({
    group: z.string({ error: 'must name a group' }).trim().min(1, { error: 'must name a group' }).max(255),
    role: z.enum(['agent', 'manager', 'admin'], { error: "must be 'agent', 'manager' or 'admin'" }).nullable().default(null),
    teamId: z.coerce.number({ error: 'must be a team id' }).int().positive().nullable().default(null),
  })
  .refine((m) => m.role !== null || m.teamId !== null, { error: 'give a role, a team, or both', path: ['role'] });
export type SsoGroupMapping = z.infer<typeof zSsoGroupMapping>;

export const zSsoGroupMappingsInput = z.object({ mappings: z.array(zSsoGroupMapping).max(200, { error: 'at most 200 mappings' }) });
export type SsoGroupMappingsInput = z.input<typeof zSsoGroupMappingsInput>;

export const zSsoGroupMappings = z.object({
  mappings: z.array(
    z.object({
      group: z.string(),
      role: z.enum(['agent', 'manager', 'admin']).nullable(),
      teamId: z.number().int().nullable(),
      teamName: z.string().nullable(),
    }),
  ),
});
export type SsoGroupMappings = z.infer<typeof zSsoGroupMappings>;
