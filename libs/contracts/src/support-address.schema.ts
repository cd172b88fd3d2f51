import { z } from 'zod';

/**
 * A support address besides SUPPORT_EMAIL, optionally a company's (or brand's) own: mail to it
 * (or a plus-address of it) links the ticket to it, and replies on that ticket go out From it.
 */
export const zSupportAddress = z.object({
  id: z.number().int(),
  address: z.string(),
  /** The name mail from this address carries (e.g. the brand); SUPPORT_EMAIL_NAME when null. */
  displayName: z.string().nullable(),
  companyId: z.number().int().nullable(),
  companyName: z.string().nullable(),
});
export type SupportAddress = z.infer<typeof zSupportAddress>;
export const zSupportAddressList = z.object({ defaultAddress: z.string(), items: z.array(zSupportAddress) });

export const zSupportAddressInput = z.object({
  /** Absent: a new address. */
  id: z.coerce.number().int().positive().optional(),
  address: z
    .email({ error: 'must be an email address such as support@brand.example' })
    .max(190, { error: 'must be at most 190 characters' })
    .refine((a) => !a.split('@')[0]!.includes('+'), { error: 'must not be a plus-address (plus-addresses of it are ours already)' }),
  displayName: z.string().trim().max(160, { error: 'must be at most 160 characters' }).nullable().optional(),
  companyId: z.coerce.number().int().positive().nullable().optional(),
});
export type SupportAddressInput = z.infer<typeof zSupportAddressInput>;
export const zSupportAddressId = z.object({ id: z.coerce.number().int().positive() });
