/**
 * Twilio's standard opt-out and opt-in keywords, as the whole message (case and surrounding
 * punctuation ignored). YES is left out on purpose: in a helpdesk it is an answer, not an opt-in.
 */
const STOP = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT']);
const START = new Set(['START', 'UNSTOP', 'OPTIN']);

export type OptKeyword = 'stop' | 'start';

export function optKeyword(body: string | undefined | null): OptKeyword | null {
  const word = (body ?? '').trim().replace(/[\s.!]+$/, '').toUpperCase();
  if (STOP.has(word)) return 'stop';
  if (START.has(word)) return 'start';
  return null;
}
