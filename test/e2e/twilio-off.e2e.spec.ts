import { startApi, startWorker, type RunningApi } from '../support/api.js';
import { eventually, sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';
import { fakeSid, postTwilio } from '../support/twilio-webhooks.js';

/** Without TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN the channel is off and the app still runs. */
let api: RunningApi;
let worker: { close(): Promise<void> };
beforeAll(async () => {
  delete process.env.TWILIO_ACCOUNT_SID;
  delete process.env.TWILIO_AUTH_TOKEN;
  api = await startApi();
  worker = await startWorker();
});
afterAll(async () => {
  await worker.close();
  await api.close();
});

describe('Twilio switched off', () => {
  it('refuses webhooks (nothing can be verified) and stores nothing', async () => {
    const sid = fakeSid('SM');
    const res = await postTwilio(api.url, 'any-token-at-all', '/webhooks/twilio/messaging', { MessageSid: sid, From: '+4915112345678', To: '+15005550006', Body: 'hi' });
    expect(res.status).toBe(403);
    expect(await sql('SELECT id FROM twilio_inbound WHERE sid = ?', [sid])).toHaveLength(0);
  });

  it('keeps an SMS reply in the local outbox instead of sending it', async () => {
    const customer = await createUser(api.url, 'customer');
    const agent = await createUser(api.url, 'agent');
    const rest = restClient(api.url);
    const { body: ticket } = await rest.post('/tickets', { subject: 'Texted us', description: 'hello' }, customer.token);
    const e164 = `+4917${String(Date.now() % 1e8).padStart(8, '0')}`;
    await sql("UPDATE tickets SET channel = 'sms' WHERE id = ?", [ticket.id]);
    await sql('INSERT INTO customer_phones (user_id, e164) VALUES (?, ?)', [customer.id, e164]);

    const reply = await rest.post(`/tickets/${ticket.id}/replies`, { body: 'We got it.' }, agent.token);
    expect(reply.status).toBe(200);
    const row = await eventually(async () => {
      const [r] = await sql<{ channel: string; recipient: string; status: string; body: string; provider_message_id: string | null }>(
        'SELECT channel, recipient, status, body, provider_message_id FROM outbound_messages WHERE ticket_entry_id = ?',
        [reply.body.id],
      );
      return r ?? null;
    });
    expect(row).toEqual({ channel: 'sms', recipient: e164, status: 'local', body: 'We got it.', provider_message_id: null });
  });
});
