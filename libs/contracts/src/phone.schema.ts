import { z } from 'zod';
import { zTicketId } from './ticket.schema.js';

/** A phone number as typed; the API normalizes it to E.164 and needs the country code. */
export const zPhoneNumber = z
  .string({ error: 'is required' })
  .trim()
  .min(1, { error: 'is required' })
  .max(40, { error: 'must be at most 40 characters' })
  .regex(/^\+[0-9 ()./-]{6,}$/, { error: 'must be a phone number with its country code, such as +49 151 12345678' });

/** A customer asks to be called back (portal): a phone ticket, urgent, tagged callback-requested. */
export const zRequestCallbackInput = z.object({
  phone: zPhoneNumber,
  /** When it suits them, in their words ("weekdays after 5pm"). */
  window: z.string().trim().max(200, { error: 'must be at most 200 characters' }).optional(),
});
export type RequestCallbackInput = z.input<typeof zRequestCallbackInput>;

/** An agent calls the customer back: Twilio rings the agent's phone first, then connects the customer. */
export const zCallBackInput = z.object({
  id: zTicketId,
  /** The phone Twilio rings first (the agent's own). */
  agentPhone: zPhoneNumber,
});
export type CallBackInput = z.input<typeof zCallBackInput>;

export const zCallBackResult = z.object({
  ticketId: z.number().int(),
  customerPhone: z.string(),
  agentPhone: z.string(),
  /** queued: the worker places the call; the outcome lands on the ticket's timeline as an internal note. */
  status: z.literal('queued'),
});
export type CallBackResult = z.infer<typeof zCallBackResult>;

export const CALLBACK_TAG = 'callback-requested';

/** An approved WhatsApp template (admin phone settings): what the agent picks and the values it needs. */
export const zWhatsappTemplate = z.object({
  name: z.string(),
  /** Twilio's content SID (HX...). */
  contentSid: z.string(),
  /** Variable names, in the order of the template's {{1}}, {{2}}... */
  variables: z.array(z.string()),
});
export type WhatsappTemplate = z.infer<typeof zWhatsappTemplate>;

/** Sends an approved template on a WhatsApp ticket: allowed also outside the 24-hour window. */
export const zSendWhatsappTemplateInput = z.object({
  id: zTicketId,
  template: z.string({ error: 'is required' }).trim().min(1, { error: 'is required' }).max(64),
  /** By variable name; every variable of the template is required. */
  variables: z.record(z.string(), z.string().trim().max(1000, { error: 'must be at most 1000 characters' })).default({}),
});
export type SendWhatsappTemplateInput = z.input<typeof zSendWhatsappTemplateInput>;
