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
  /** The phone Twilio rings first (agents have no phone number in their profile yet). */
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
