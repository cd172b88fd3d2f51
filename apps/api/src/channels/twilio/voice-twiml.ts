import twilio from 'twilio';
import type { TwilioConfig } from '../../config/config.schema.js';
import { isOpen } from './business-hours.js';

export const VOICE_PATHS = {
  incoming: '/webhooks/twilio/voice',
  menu: '/webhooks/twilio/voice/menu',
  recorded: '/webhooks/twilio/voice/recorded',
  transcription: '/webhooks/twilio/voice/transcription',
  dialStatus: '/webhooks/twilio/voice/dial-status',
  status: '/webhooks/twilio/voice/status',
  bridge: '/webhooks/twilio/voice/bridge',
} as const;

export const MENU_TEXT = 'To leave a voicemail, press 1. To ask for a call back, press 2. To talk to an agent now, press 0.';
/** The menu is said at most this many times; then the caller goes to voicemail. */
export const MENU_ATTEMPTS = 2;

export type MenuChoice = 'voicemail' | 'callback' | 'agent' | 'repeat';

/**
 * The call flow as TwiML, built with the library's VoiceResponse: greeting and menu, then
 * voicemail (recorded and transcribed), a callback request, or the agents' phones during
 * business hours. Every URL in it is absolute (the public webhook base), so what Twilio signs
 * on the next request is what we check.
 */
export class VoiceTwiml {
  constructor(
    private readonly config: TwilioConfig,
    private readonly url: (path: string) => string,
  ) {}

  /** Greeting (first time) and the menu; no input falls through to the menu handler with no digits. */
  menu(attempt: number, opts: { greet: boolean; sorry?: boolean }): string {
    const response = new twilio.twiml.VoiceResponse();
    if (opts.greet) response.say(this.config.voiceGreeting);
    if (opts.sorry) response.say('Sorry, I did not get that.');
    const next = this.url(`${VOICE_PATHS.menu}?attempt=${attempt}`);
    const gather = response.gather({ numDigits: 1, action: next, method: 'POST', timeout: 6 });
    gather.say(MENU_TEXT);
    response.redirect({ method: 'POST' }, next);
    return response.toString();
  }

  /** What a key press (or none) on the menu leads to. */
  choose(digits: string | undefined, attempt: number, now: Date, callerKnown = true): { choice: MenuChoice; twiml: string } {
    switch (digits) {
      case '1':
        return { choice: 'voicemail', twiml: this.voicemail() };
      case '2':
        if (!callerKnown) return { choice: 'voicemail', twiml: this.voicemail('We cannot see your number. Please leave a message with the number we should call.') };
        return { choice: 'callback', twiml: this.callbackConfirmed() };
      case '0':
        if (this.agentsAvailable(now)) return { choice: 'agent', twiml: this.dialAgents() };
        return { choice: 'voicemail', twiml: this.voicemail('Nobody can take your call right now.') };
      default:
        if (attempt < MENU_ATTEMPTS) return { choice: 'repeat', twiml: this.menu(attempt + 1, { greet: false, sorry: true }) };
        return { choice: 'voicemail', twiml: this.voicemail() };
    }
  }

  agentsAvailable(now: Date) {
    return this.config.agentPhones.length > 0 && isOpen(this.config.businessHours, this.config.timeZone, now);
  }

  voicemail(intro?: string): string {
    const response = new twilio.twiml.VoiceResponse();
    if (intro) response.say(intro);
    response.say('Please leave your message after the tone, and press the hash key when you are done.');
    response.record({
      action: this.url(VOICE_PATHS.recorded),
      method: 'POST',
      maxLength: 180,
      playBeep: true,
      finishOnKey: '#',
      transcribe: true,
      transcribeCallback: this.url(VOICE_PATHS.transcription),
    });
    response.say('We did not receive a message. Goodbye.');
    response.hangup();
    return response.toString();
  }

  callbackConfirmed(): string {
    const response = new twilio.twiml.VoiceResponse();
    response.say('Thank you. We will call you back at this number as soon as we can. Goodbye.');
    response.hangup();
    return response.toString();
  }

  /** Rings every configured agent phone at once; the first to answer takes the call. */
  dialAgents(): string {
    const response = new twilio.twiml.VoiceResponse();
    response.say('Connecting you to an agent.');
    const dial = response.dial({ action: this.url(VOICE_PATHS.dialStatus), method: 'POST', timeout: 20 });
    for (const phone of this.config.agentPhones) dial.number(phone);
    return response.toString();
  }

  /** After <Dial>: done if someone answered, else voicemail. */
  afterDial(dialStatus: string | undefined): string {
    if (dialStatus === 'completed' || dialStatus === 'answered') {
      const response = new twilio.twiml.VoiceResponse();
      response.hangup();
      return response.toString();
    }
    return this.voicemail('Nobody could take your call.');
  }

  thanksForMessage(): string {
    const response = new twilio.twiml.VoiceResponse();
    response.say('Thank you for your message. Goodbye.');
    response.hangup();
    return response.toString();
  }

  /** The agent answered an outbound call back: connect the customer. */
  bridge(customer: string, callerId: string | null): string {
    const response = new twilio.twiml.VoiceResponse();
    response.say('Connecting you to the customer.');
    const dial = response.dial(callerId ? { callerId } : {});
    dial.number(customer);
    return response.toString();
  }
}
