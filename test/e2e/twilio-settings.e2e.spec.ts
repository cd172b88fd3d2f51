import { eventually, sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';
import { useTwilioStack } from '../support/twilio-stack.js';
import { PUBLIC_WEBHOOK_BASE, fakeSid, parseTwiml, postTwilio } from '../support/twilio-webhooks.js';

/** An admin switches Twilio on from the workspace settings instead of the environment; the token never comes back out. */

const { api, fake } = useTwilioStack('twilio_settings', {
  credentials: false,
});

it('only admins see and change the settings; the token is stored encrypted and never returned; the channel follows them', async () => {
  const rest = restClient(api.url);
  const admin = await createUser(api.url, 'admin');
  const agent = await createUser(api.url, 'agent');
  const customer = await createUser(api.url, 'customer');

  const initial = await rest.get('/settings/phone', admin.token);
  expect(initial.status).toBe(200);
  expect(initial.body).toMatchObject({ enabled: false, accountSid: null, authTokenSet: false, webhookBaseUrl: PUBLIC_WEBHOOK_BASE, businessHours: 'Mon-Fri 09:00-17:00' });
  expect((await rest.get('/settings/phone', agent.token)).status).toBe(403);
  expect((await rest.raw('PUT', '/api/v1/settings/phone', customer.token, { smsFrom: '+15005550006' })).status).toBe(403);

  const bad = await rest.raw('PUT', '/api/v1/settings/phone', admin.token, { accountSid: 'AC123' });
  expect(bad.status).toBe(400);
  expect(bad.body.message).toMatch(/^accountSid: must be an account SID/);
  expect((await rest.raw('PUT', '/api/v1/settings/phone', admin.token, { businessHours: 'nine to five' })).body.message).toMatch(/^businessHours: /);

  // Off: a correctly signed webhook cannot be verified yet.
  const from = '+4915700000001';
  const first = { MessageSid: fakeSid('SM'), AccountSid: fake.accountSid, From: from, To: '+15005550006', Body: 'Hello?', NumMedia: '0' };
  expect((await postTwilio(api.url, fake.authToken, '/webhooks/twilio/messaging', first)).status).toBe(403);

  const saved = await rest.raw('PUT', '/api/v1/settings/phone', admin.token, {
    accountSid: fake.accountSid,
    authToken: fake.authToken,
    smsFrom: '+15005550006',
    agentPhones: '+49 30 123456',
    voiceGreeting: 'Hallo, hier ist Acme.',
  });
  expect(saved.status).toBe(200);
  expect(saved.body).toMatchObject({ enabled: true, accountSid: fake.accountSid, authTokenSet: true, smsFrom: '+15005550006', agentPhones: '+4930123456' });
  expect(JSON.stringify(saved.body)).not.toContain(fake.authToken);
  expect(JSON.stringify((await rest.get('/settings/phone', admin.token)).body)).not.toContain(fake.authToken);
  const [row] = await sql<{ auth_token_encrypted: string }>('SELECT auth_token_encrypted FROM twilio_settings WHERE id = 1');
  expect(row.auth_token_encrypted).toMatch(/^v1:/);
  expect(row.auth_token_encrypted).not.toContain(fake.authToken);
  const audit = await sql<{ after_state: unknown }>("SELECT after_state FROM audit_log WHERE action = 'settings.twilio_updated'");
  expect(JSON.stringify(audit)).not.toContain(fake.authToken);
  expect(JSON.stringify(audit)).toContain('auth_token');

  // On: the same message is accepted, becomes a ticket, and the worker answers through Twilio.
  expect((await postTwilio(api.url, fake.authToken, '/webhooks/twilio/messaging', first)).status).toBe(200);
  const ticketId = await eventually(async () => {
    const [r] = await sql<{ ticket_id: number | null }>('SELECT ticket_id FROM twilio_inbound WHERE sid = ? AND processed_at IS NOT NULL', [first.MessageSid]);
    return r?.ticket_id ?? null;
  });
  expect((await rest.post(`/tickets/${ticketId}/replies`, { body: 'Hi! How can we help?' }, agent.token)).status).toBe(200);
  const sent = await eventually(async () => fake.created('Messages').find((r) => r.params.To === from) ?? null);
  expect(sent).toMatchObject({ authorized: true, params: { From: '+15005550006', Body: 'Hi! How can we help?' } });

  const voice = await postTwilio(api.url, fake.authToken, '/webhooks/twilio/voice', { CallSid: fakeSid('CA'), From: from, To: '+15005550006', Direction: 'inbound' });
  expect(parseTwiml(voice.text).children[0]).toEqual({ name: 'Say', attributes: {}, text: 'Hallo, hier ist Acme.', children: [] });

  // Clearing the token switches the channel off again.
  const cleared = await rest.raw('PUT', '/api/v1/settings/phone', admin.token, { clearAuthToken: true });
  expect(cleared.body).toMatchObject({ enabled: false, authTokenSet: false, accountSid: fake.accountSid });
  const again = { ...first, MessageSid: fakeSid('SM') };
  expect((await postTwilio(api.url, fake.authToken, '/webhooks/twilio/messaging', again)).status).toBe(403);
});
