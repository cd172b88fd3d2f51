import type { TwilioConfig } from '../../config/config.schema.js';
import { parseBusinessHours } from './business-hours.js';
import { VoiceTwiml } from './voice-twiml.js';

const config = (hours: string, agentPhones: string[]): TwilioConfig => ({
  accountSid: null,
  authToken: null,
  apiBaseUrl: null,
  webhookBaseUrl: 'https://help.example.com',
  smsFrom: null,
  whatsappFrom: null,
  joinHours: 72,
  voiceGreeting: 'Hello.',
  agentPhones,
  businessHours: parseBusinessHours(hours)!,
  timeZone: 'UTC',
});
const url = (path: string) => `https://help.example.com${path}`;
// A Wednesday, 10:00 UTC, and the Saturday after.
const wednesday = new Date('2026-11-25T10:00:00Z');
const saturday = new Date('2026-11-28T10:00:00Z');

describe('VoiceTwiml: 0 (talk to an agent)', () => {
  it('rings the agents during business hours', () => {
    const { choice, twiml } = new VoiceTwiml(config('Mon-Fri 09:00-17:00', ['+4930111', '+4930222']), url).choose('0', 1, wednesday);
    expect(choice).toBe('agent');
    expect(twiml).toContain('<Number>+4930111</Number><Number>+4930222</Number>');
  });

  it('falls back to voicemail outside business hours, or when no agent phone is configured', () => {
    for (const [twiml, at] of [
      [new VoiceTwiml(config('Mon-Fri 09:00-17:00', ['+4930111']), url), saturday],
      [new VoiceTwiml(config('Mon-Fri 09:00-17:00', []), url), wednesday],
    ] as const) {
      const result = twiml.choose('0', 1, at);
      expect(result.choice).toBe('voicemail');
      expect(result.twiml).toContain('<Say>Nobody can take your call right now.</Say>');
      expect(result.twiml).toContain('<Record ');
      expect(result.twiml).not.toContain('<Dial');
    }
  });
});
