import { z } from 'zod';

/**
 * The phone channels' settings as an admin sees them: the values in force (admin setting, else the
 * environment). The auth token never leaves the API: only whether one is set.
 */
export const zTwilioSettings = z.object({
  enabled: z.boolean(),
  accountSid: z.string().nullable(),
  authTokenSet: z.boolean(),
  smsFrom: z.string().nullable(),
  whatsappFrom: z.string().nullable(),
  voiceGreeting: z.string(),
  /** Comma-separated E.164 numbers that "0, talk to an agent" rings. */
  agentPhones: z.string(),
  businessHours: z.string(),
  timeZone: z.string(),
  /** Approved WhatsApp templates, one per line: `name=HX…(variable, variable)`. */
  whatsappTemplates: z.string(),
  /** Read-only: where Twilio must send the webhooks (TWILIO_WEBHOOK_BASE_URL). */
  webhookBaseUrl: z.string(),
  updatedAt: z.string().nullable(),
});
export type TwilioSettings = z.infer<typeof zTwilioSettings>;

const optionalText = (max: number) => z.string().trim().max(max, { error: `must be at most ${max} characters` }).optional();

/** Fields left out stay as they are; an empty string clears the admin setting (the environment's value applies again). */
export const zUpdateTwilioSettingsInput = z.object({
  accountSid: optionalText(64),
  /** Sets the token; leave out (or empty) to keep the stored one. */
  authToken: optionalText(200),
  clearAuthToken: z.boolean().optional(),
  smsFrom: optionalText(64),
  whatsappFrom: optionalText(64),
  voiceGreeting: optionalText(500),
  agentPhones: optionalText(1000),
  businessHours: optionalText(255),
  timeZone: optionalText(64),
  whatsappTemplates: optionalText(4000),
});
export type UpdateTwilioSettingsInput = z.input<typeof zUpdateTwilioSettingsInput>;
