import { eventually, sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';
import { useTwilioStack } from '../support/twilio-stack.js';
import { PUBLIC_WEBHOOK_BASE, fakeSid, parseTwiml, postTwilio } from '../support/twilio-webhooks.js';

/**
 * SMS and WhatsApp through Twilio, end to end: signed webhooks in over HTTP, the worker turning
 * them into tickets, and replies out through the real `twilio` client to a local fake of its API.
 */
const OUR_NUMBER = '+15005550006';
const OUR_WHATSAPP = 'whatsapp:+14155238886';

const { api, fake, post } = useTwilioStack('twilio_msg', {
  env: {
    TWILIO_JOIN_HOURS: '48',
  },
});

let numbers = 0;
const newNumber = () => `+4915${String(Date.now() % 1e7).padStart(7, '0')}${++numbers}`;

function sms(from: string, body: string, extra: Record<string, string> = {}) {
  return { MessageSid: fakeSid('SM'), AccountSid: fake.accountSid, From: from, To: OUR_NUMBER, Body: body, NumMedia: '0', ...extra };
}

async function processed(sid: string) {
  return eventually(async () => {
    const [row] = await sql<{ outcome: string; ticket_id: number | null; entry_id: number | null }>(
      'SELECT outcome, ticket_id, entry_id FROM twilio_inbound WHERE sid = ? AND processed_at IS NOT NULL',
      [sid],
    );
    return row ?? null;
  });
}

const entriesOf = (ticketId: number) =>
  sql<{ id: number; kind: string; body: string; channel: string }>("SELECT id, kind, body, channel FROM ticket_entries WHERE ticket_id = ? AND kind <> 'event' ORDER BY id", [ticketId]);

describe('POST /webhooks/twilio/messaging', () => {
  it('refuses a missing, wrong or replayed signature with 403 and stores nothing', async () => {
    const message = sms(newNumber(), 'forged');
    const other = sms(newNumber(), 'the message that was really signed');
    for (const opts of [
      { signature: null },
      { signature: 'bm90IGEgc2lnbmF0dXJl' },
      // A real signature, taken from another request and replayed with this body.
      { signedParams: other },
      // Signed for another host: the URL Twilio signed is the public one, nothing else.
      { signedUrl: `http://127.0.0.1/webhooks/twilio/messaging` },
    ]) {
      const res = await post('/webhooks/twilio/messaging', message, opts);
      expect(res.status).toBe(403);
    }
    // Signed with another account's token.
    const { status } = await postTwilio(api.url, 'someone-elses-token', '/webhooks/twilio/messaging', message);
    expect(status).toBe(403);
    expect(await sql('SELECT id FROM twilio_inbound WHERE sid IN (?, ?)', [message.MessageSid, other.MessageSid])).toHaveLength(0);
  });

  it('stores an SMS, answers empty TwiML, and the worker opens one ticket for it however often it comes', async () => {
    const from = newNumber();
    const message = sms(from, 'Router keeps rebooting\nSince this morning, every 10 minutes.');
    const res = await post('/webhooks/twilio/messaging', message);
    expect(res.status).toBe(200);
    expect(res.contentType).toMatch(/^text\/xml/);
    const twiml = parseTwiml(res.text);
    expect(twiml).toEqual({ name: 'Response', attributes: {}, text: '', children: [] });

    // Twilio redelivers: same MessageSid, same signature. Accepted, nothing new stored.
    expect((await post('/webhooks/twilio/messaging', message)).status).toBe(200);
    expect(await sql('SELECT id FROM twilio_inbound WHERE sid = ?', [message.MessageSid])).toHaveLength(1);

    const outcome = await processed(message.MessageSid);
    expect(outcome.outcome).toBe('created');
    const [ticket] = await sql<{ id: number; subject: string; channel: string; requester_id: number }>(
      'SELECT id, subject, channel, requester_id FROM tickets WHERE id = ?',
      [outcome.ticket_id],
    );
    expect(ticket).toMatchObject({ subject: 'Router keeps rebooting', channel: 'sms' });
    const [customer] = await sql<{ email: string; role: string; password_hash: string | null }>(
      'SELECT email, role, password_hash FROM users WHERE id = ?',
      [ticket.requester_id],
    );
    expect(customer).toEqual({ email: `${from}@phone.invalid`, role: 'customer', password_hash: null });
    expect(await sql('SELECT user_id FROM customer_phones WHERE e164 = ?', [from])).toEqual([{ user_id: ticket.requester_id }]);
    const entries = await entriesOf(ticket.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'message', channel: 'sms', id: outcome.entry_id });
    expect(entries[0].body).toContain('Since this morning');

    // The same job run again (a relay re-queue, a retry): still one entry.
    const [inbound] = await sql<{ id: number }>('SELECT id FROM twilio_inbound WHERE sid = ?', [message.MessageSid]);
    await sql("INSERT INTO outbox_events (topic, payload) VALUES ('twilio.inbound', ?)", [JSON.stringify({ inboundId: inbound.id })]);
    await eventually(async () => {
      const rows = await sql<{ status: string }>("SELECT status FROM outbox_events WHERE topic = 'twilio.inbound' AND JSON_EXTRACT(payload, '$.inboundId') = ?", [inbound.id]);
      return rows.length === 2 && rows.every((r) => r.status === 'done');
    });
    expect(await entriesOf(ticket.id)).toHaveLength(1);

    // A second message from the number joins the open ticket.
    const next = sms(from, 'Now it is off entirely');
    expect((await post('/webhooks/twilio/messaging', next)).status).toBe(200);
    const joined = await processed(next.MessageSid);
    expect(joined).toMatchObject({ outcome: 'joined', ticket_id: ticket.id });
    expect((await entriesOf(ticket.id)).map((e) => e.body)).toEqual([entries[0].body, 'Now it is off entirely']);
  });

  it('downloads media with the account credentials and attaches it to the entry', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000a49444154789c6300010000050001' + '0d0a2db40000000049454e44ae426082', 'hex');
    const path = `/2010-04-01/Accounts/${fake.accountSid}/Messages/${fakeSid('MM')}/Media/${fakeSid('ME')}`;
    fake.serve(path, 'image/png', png);
    const message = sms(newNumber(), '', { NumMedia: '1', MediaUrl0: `https://api.twilio.com${path}`, MediaContentType0: 'image/png' });
    expect((await post('/webhooks/twilio/messaging', message)).status).toBe(200);
    const outcome = await processed(message.MessageSid);
    const files = await sql<{ filename: string; content_type: string; size: number; ticket_id: number }>(
      'SELECT filename, content_type, size, ticket_id FROM attachments WHERE ticket_entry_id = ?',
      [outcome.entry_id],
    );
    expect(files).toEqual([{ filename: 'media-1.png', content_type: 'image/png', size: png.length, ticket_id: outcome.ticket_id }]);
    const download = fake.requests.find((r) => r.path === path);
    expect(download).toMatchObject({ method: 'GET', authorized: true });
  });
});

describe('replies by SMS and WhatsApp', () => {
  it('sends an agent reply from the number the customer wrote to, and records the delivery state the callbacks report', async () => {
    const from = newNumber();
    const message = sms(from, 'Where is my order?');
    await post('/webhooks/twilio/messaging', message);
    const { ticket_id: ticketId } = await processed(message.MessageSid);
    const agent = await createUser(api.url, 'agent');
    const before = fake.created('Messages').length;
    const reply = await restClient(api.url).post(`/tickets/${ticketId}/replies`, { body: 'It ships tomorrow.' }, agent.token);
    expect(reply.status).toBe(200);

    const sent = await eventually(async () => fake.created('Messages').slice(before).find((r) => r.params.To === from) ?? null);
    expect(sent.authorized).toBe(true);
    expect(sent.path).toBe(`/2010-04-01/Accounts/${fake.accountSid}/Messages.json`);
    expect(sent.params).toMatchObject({ From: OUR_NUMBER, To: from, Body: 'It ships tomorrow.', StatusCallback: `${PUBLIC_WEBHOOK_BASE}/webhooks/twilio/status` });

    const row = await eventually(async () => {
      const [r] = await sql<{ provider_message_id: string | null; status: string; delivery_status: string; ticket_entry_id: number }>(
        "SELECT provider_message_id, status, delivery_status, ticket_entry_id FROM outbound_messages WHERE ticket_id = ? AND channel = 'sms'",
        [ticketId],
      );
      return r?.provider_message_id ? r : null;
    });
    expect(row).toMatchObject({ status: 'sent', delivery_status: 'queued', ticket_entry_id: reply.body.id });

    const callback = (status: string, extra: Record<string, string> = {}) =>
      post('/webhooks/twilio/status', { MessageSid: row.provider_message_id!, MessageStatus: status, AccountSid: fake.accountSid, ...extra });
    expect((await callback('delivered')).status).toBe(204);
    expect((await callback('delivered')).status).toBe(204);
    // Arrives late: never moves the message backwards.
    expect((await callback('sent')).status).toBe(204);
    // Unsigned: refused, changes nothing.
    expect((await post('/webhooks/twilio/status', { MessageSid: row.provider_message_id!, MessageStatus: 'failed' }, { signature: null })).status).toBe(403);
    const [after] = await sql<{ delivery_status: string }>('SELECT delivery_status FROM outbound_messages WHERE provider_message_id = ?', [row.provider_message_id]);
    expect(after.delivery_status).toBe('delivered');

    // The agent sees the state on the reply in the timeline.
    const timeline = await restClient(api.url).get(`/tickets/${ticketId}/timeline`, agent.token);
    const entry = timeline.body.entries.find((e: { id: number }) => e.id === reply.body.id);
    expect(entry.delivery).toMatchObject({ channel: 'sms', recipient: from, status: 'delivered', error: null });
    expect(timeline.body.entries.find((e: { kind: string }) => e.kind === 'message').delivery).toBeUndefined();
  });

  it('honours STOP and START: nothing is sent to an opted-out number', async () => {
    const from = newNumber();
    const first = sms(from, 'Hi, question about my bill');
    await post('/webhooks/twilio/messaging', first);
    const { ticket_id: ticketId } = await processed(first.MessageSid);

    const stop = sms(from, 'STOP');
    await post('/webhooks/twilio/messaging', stop);
    expect(await processed(stop.MessageSid)).toMatchObject({ outcome: 'opted_out', ticket_id: null });
    const [phone] = await sql<{ opted_out_at: Date | null }>('SELECT opted_out_at FROM customer_phones WHERE e164 = ?', [from]);
    expect(phone.opted_out_at).not.toBeNull();
    expect(await entriesOf(ticketId!)).toHaveLength(1);

    const agent = await createUser(api.url, 'agent');
    const reply = await restClient(api.url).post(`/tickets/${ticketId}/replies`, { body: 'About your bill...' }, agent.token);
    expect(reply.status).toBe(200);
    const blocked = await eventually(async () => {
      const [r] = await sql<{ status: string; error: string; delivery_error: string | null; provider_message_id: string | null }>(
        'SELECT status, error, delivery_error, provider_message_id FROM outbound_messages WHERE ticket_entry_id = ?',
        [reply.body.id],
      );
      return r ?? null;
    });
    // Not sent: our reason, not the provider's (decision 029).
    expect(blocked).toEqual({ status: 'blocked', error: 'the number opted out (STOP)', delivery_error: null, provider_message_id: null });
    expect(fake.created('Messages').filter((r) => r.params.To === from)).toHaveLength(0);

    const start = sms(from, 'start');
    await post('/webhooks/twilio/messaging', start);
    expect(await processed(start.MessageSid)).toMatchObject({ outcome: 'opted_in' });
    const [back] = await sql<{ opted_out_at: Date | null }>('SELECT opted_out_at FROM customer_phones WHERE e164 = ?', [from]);
    expect(back.opted_out_at).toBeNull();
  });

  it('answers WhatsApp within 24 hours of the customer, and refuses a free-form reply after that', async () => {
    const e164 = newNumber();
    const message = { ...sms(`whatsapp:${e164}`, 'Hola, my package is damaged'), To: OUR_WHATSAPP, ProfileName: 'Marta Ruiz', WaId: e164.slice(1) };
    expect((await post('/webhooks/twilio/messaging', message)).status).toBe(200);
    const { ticket_id: ticketId, entry_id: entryId } = await processed(message.MessageSid);
    const [ticket] = await sql<{ channel: string; name: string }>('SELECT t.channel, u.name FROM tickets t JOIN users u ON u.id = t.requester_id WHERE t.id = ?', [ticketId]);
    expect(ticket).toEqual({ channel: 'whatsapp', name: 'Marta Ruiz' });

    const agent = await createUser(api.url, 'agent');
    const rest = restClient(api.url);
    expect((await rest.post(`/tickets/${ticketId}/replies`, { body: 'Sorry! Sending a new one.' }, agent.token)).status).toBe(200);
    const sent = await eventually(async () => fake.created('Messages').find((r) => r.params.To === `whatsapp:${e164}`) ?? null);
    expect(sent.params).toMatchObject({ From: OUR_WHATSAPP, Body: 'Sorry! Sending a new one.' });

    // 25 hours later the window is shut: refused up front, nothing queued for Twilio.
    await sql('UPDATE ticket_entries SET created_at = created_at - INTERVAL 25 HOUR WHERE id = ?', [entryId]);
    const late = await rest.post(`/tickets/${ticketId}/replies`, { body: 'Any news?' }, agent.token);
    expect(late.status).toBe(400);
    expect(late.body.message).toMatch(/^body: WhatsApp allows free-form replies only within 24 hours/);
    expect(late.body.message).toContain('approved template');
    expect(await sql("SELECT id FROM ticket_entries WHERE ticket_id = ? AND body = 'Any news?'", [ticketId])).toHaveLength(0);
    // An internal note is not a message to the customer: still allowed.
    expect((await rest.post(`/tickets/${ticketId}/replies`, { body: 'Window closed, call her', internal: true }, agent.token)).status).toBe(200);
  });
});
