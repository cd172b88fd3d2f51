import { PUBLIC_WEBHOOK_BASE, type TwimlNode } from './twilio-webhooks.js';

/** The public URL Twilio is told for one of our webhook paths (what the TwiML's actions point at). */
export const at = (path: string) => `${PUBLIC_WEBHOOK_BASE}${path}`;

/** One element of expected TwiML, in parseTwiml's shape. */
export const el = (name: string, attributes: Record<string, string> = {}, text = '', children: TwimlNode[] = []): TwimlNode => ({ name, attributes, text, children });

const MENU = 'To leave a voicemail, press 1. To ask for a call back, press 2. To talk to an agent now, press 0.';

/** The voice menu (after the greeting): gather one digit, and come back to the menu when nothing is pressed. */
export const menuNodes = (attempt: number) => [
  el('Gather', { numDigits: '1', action: at(`/webhooks/twilio/voice/menu?attempt=${attempt}`), method: 'POST', timeout: '6' }, '', [el('Say', {}, MENU)]),
  el('Redirect', { method: 'POST' }, at(`/webhooks/twilio/voice/menu?attempt=${attempt}`)),
];

/** Voicemail: an optional sentence first, then record with transcription, then goodbye. */
export const voicemailNodes = (intro?: string) => [
  ...(intro ? [el('Say', {}, intro)] : []),
  el('Say', {}, 'Please leave your message after the tone, and press the hash key when you are done.'),
  el('Record', {
    action: at('/webhooks/twilio/voice/recorded'),
    method: 'POST',
    maxLength: '180',
    playBeep: 'true',
    finishOnKey: '#',
    transcribe: 'true',
    transcribeCallback: at('/webhooks/twilio/voice/transcription'),
  }),
  el('Say', {}, 'We did not receive a message. Goodbye.'),
  el('Hangup'),
];
