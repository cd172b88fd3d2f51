import { sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';
import { useTwilioStack } from '../support/twilio-stack.js';
import { fakeSid, parseTwiml, postTwilio, type TwimlNode } from '../support/twilio-webhooks.js';
import { at, el, menuNodes, voicemailNodes } from '../support/twiml-nodes.js';

/**
 * Who the phone line greets and rings: a company's own greeting for its callers, and "0" ringing
 * the phones in the profiles of the agents who are online (the line's configured numbers when none is).
 */
const OUR_NUMBER = '+15005550006';
const LINE_PHONES = ['+4930100100'];

const { api, fake } = useTwilioStack('twilio_routing', {
  env: {
    TWILIO_VOICE_GREETING: 'Welcome to Switchboard support.',
    TWILIO_AGENT_PHONES: LINE_PHONES.join(','),
    TWILIO_BUSINESS_HOURS: 'Mon-Sun 00:00-24:00',
  },
  worker: false,
});

const rest = () => restClient(api.url);
const call = (from: string, extra: Record<string, string> = {}) => ({
  CallSid: fakeSid('CA'),
  AccountSid: fake.accountSid,
  From: from,
  To: OUR_NUMBER,
  Direction: 'inbound',
  CallStatus: 'in-progress',
  ...extra,
});
async function twiml(path: string, params: Record<string, string>): Promise<TwimlNode> {
  const res = await postTwilio(api.url, fake.authToken, path, params);
  expect(res.status).toBe(200);
  return parseTwiml(res.text);
}
const dialing = (numbers: string[]) =>
  el('Response', {}, '', [
    el('Say', {}, 'Connecting you to an agent.'),
    el('Dial', { action: at('/webhooks/twilio/voice/dial-status'), method: 'POST', timeout: '20' }, '', numbers.map((n) => el('Number', {}, n))),
  ]);

describe('0 rings the agents who are online', () => {
  it('dials the phones in the profiles of online agents; the line’s numbers when nobody with a phone is online', async () => {
    const admin = await createUser(api.url, 'admin');
    const ana = await createUser(api.url, 'agent');
    const ben = await createUser(api.url, 'agent');
    // Nobody online with a phone: the numbers configured for the line.
    expect(await twiml('/webhooks/twilio/voice/menu?attempt=1', call('+4915100000001', { Digits: '0' }))).toEqual(dialing(LINE_PHONES));

    const bad = await rest().patch(`/agents/${ana.id}`, { phone: '030 123' }, admin.token);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^phone: must be a phone number with its country code/);
    const saved = await rest().patch(`/agents/${ana.id}`, { phone: '+49 30 2222 333' }, admin.token);
    expect(saved.status).toBe(200);
    expect(saved.body.phone).toBe('+49302222333');
    expect((await rest().patch(`/agents/${ben.id}`, { phone: '+49 30 4444 555' }, admin.token)).body.phone).toBe('+49304444555');

    // Ana goes online, Ben stays offline: only Ana's phone rings.
    expect((await rest().post('/agents/availability', { availability: 'online' }, ana.token)).status).toBe(200);
    expect(await twiml('/webhooks/twilio/voice/menu?attempt=1', call('+4915100000002', { Digits: '0' }))).toEqual(dialing(['+49302222333']));
    expect((await rest().post('/agents/availability', { availability: 'online' }, ben.token)).status).toBe(200);
    expect(await twiml('/webhooks/twilio/voice/menu?attempt=1', call('+4915100000003', { Digits: '0' }))).toEqual(dialing(['+49302222333', '+49304444555']));

    // Ana clears her phone and Ben steps away: the line's numbers again.
    expect((await rest().patch(`/agents/${ana.id}`, { phone: null }, admin.token)).body.phone).toBeNull();
    expect((await rest().post('/agents/availability', { availability: 'away' }, ben.token)).status).toBe(200);
    expect(await twiml('/webhooks/twilio/voice/menu?attempt=1', call('+4915100000004', { Digits: '0' }))).toEqual(dialing(LINE_PHONES));
  });
});

describe('outside business hours', () => {
  it('0 goes to voicemail, element by element, even with agents online', async () => {
    const admin = await createUser(api.url, 'admin');
    const agent = await createUser(api.url, 'agent');
    expect((await rest().patch(`/agents/${agent.id}`, { phone: '+49 30 5555 666' }, admin.token)).status).toBe(200);
    expect((await rest().post('/agents/availability', { availability: 'online' }, agent.token)).status).toBe(200);
    // Open one hour on a day that is not today (UTC): closed now.
    const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    const otherDay = days[(new Date().getUTCDay() + 3) % 7];
    const closed = await rest().raw('PUT', '/api/v1/settings/phone', admin.token, { businessHours: `${otherDay} 09:00-10:00`, timeZone: 'UTC' });
    expect(closed.status).toBe(200);
    try {
      expect(await twiml('/webhooks/twilio/voice/menu?attempt=1', call('+4915100000009', { Digits: '0' }))).toEqual(
        el('Response', {}, '', voicemailNodes('Nobody can take your call right now.')),
      );
    } finally {
      expect((await rest().raw('PUT', '/api/v1/settings/phone', admin.token, { businessHours: '', timeZone: '' })).status).toBe(200);
      expect((await rest().post('/agents/availability', { availability: 'offline' }, agent.token)).status).toBe(200);
    }
  });
});

describe('a greeting per company', () => {
  it('greets a caller whose number belongs to a company’s user with that company’s greeting, everyone else with the line’s', async () => {
    const admin = await createUser(api.url, 'admin');
    const company = await rest().post('/companies', { name: `Acme ${Date.now()}`, voiceGreeting: 'Welcome, Acme customer. Your priority line.' }, admin.token);
    expect(company.status).toBe(200);
    expect(company.body.voiceGreeting).toBe('Welcome, Acme customer. Your priority line.');
    const tooLong = await rest().post('/companies', { name: 'Long', voiceGreeting: 'x'.repeat(501) }, admin.token);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.message).toMatch(/voiceGreeting/);

    // A customer of the company gives us their number (the portal's callback request claims it).
    const customer = await createUser(api.url, 'customer', { companyId: company.body.id });
    expect((await rest().post('/callback-requests', { phone: '+49 151 7777 8888' }, customer.token)).status).toBe(200);

    const menu = (greeting: string) =>
      el('Response', {}, '', [el('Say', {}, greeting), ...menuNodes(1)]);
    expect(await twiml('/webhooks/twilio/voice', call('+4915177778888'))).toEqual(menu('Welcome, Acme customer. Your priority line.'));
    expect(await twiml('/webhooks/twilio/voice', call('+4915199990000'))).toEqual(menu('Welcome to Switchboard support.'));
    expect(await twiml('/webhooks/twilio/voice', call('anonymous'))).toEqual(menu('Welcome to Switchboard support.'));

    // Cleared: the line's greeting again.
    expect((await rest().post('/companies', { id: company.body.id, name: company.body.name, voiceGreeting: null }, admin.token)).body.voiceGreeting).toBeNull();
    expect(await twiml('/webhooks/twilio/voice', call('+4915177778888'))).toEqual(menu('Welcome to Switchboard support.'));
    expect(await sql('SELECT voice_greeting FROM companies WHERE id = ?', [company.body.id])).toEqual([{ voice_greeting: null }]);
  });
});
