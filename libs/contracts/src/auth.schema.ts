import { z } from 'zod';
import { ROLES } from './enums.js';

export const zEmail = z.string().trim().toLowerCase().pipe(z.email({ error: 'must be a valid email address' }));

export const zLoginInput = z.object({
  email: zEmail,
  password: z.string().min(1, { error: 'is required' }).max(200),
});
export type LoginInput = z.infer<typeof zLoginInput>;

export const zRegisterInput = z.object({
  name: z.string().trim().min(1, { error: 'is required' }).max(120),
  email: zEmail,
  password: z.string().min(10, { error: 'must be at least 10 characters' }).max(200),
});
export type RegisterInput = z.infer<typeof zRegisterInput>;

export const zUser = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  companyId: z.number().int().nullable(),
  companyName: z.string().nullable(),
  /** Only on `auth.me`: whether the address was confirmed through the emailed link. */
  emailVerified: z.boolean().optional(),
  /** A customer who manages their company's users. */
  companyAdmin: z.boolean().optional(),
  /** Staff whose role must use two-factor sign-in and whose session has not passed it: only setting it up works. */
  twoFactorSetupRequired: z.boolean().optional(),
});
export type User = z.infer<typeof zUser>;

export const zAuthResult = z.object({ token: z.string(), user: zUser });
export type AuthResult = z.infer<typeof zAuthResult>;

export const zOk = z.object({ ok: z.literal(true) });
