import { eventually, sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';
import { useTwilioStack } from '../support/twilio-stack.js';
import { PUBLIC_WEBHOOK_BASE, fakeSid, postTwilio } from '../support/twilio-webhooks.js';

/**
 * Every Twilio webhook, posted twice or forged: exactly one effect, or none. And the two ways an
 * effect used to get lost or doubled: a status callback that beat the sender to the message's sid,
 * and a job that died after its ticket entry committed but before it recorded the outcome.
 */
const OUR_NUMBER = '+15005550006';

const { api, fake, post } = useTwilioStack('twilio_idem', {
  env: {
    TWILIO_AGENT_PHONES: '+4930123456',
    TWILIO_BUSINESS_HOURS: 'Mon-Sun 00:00-24:00',
  },
});

let numbers = 0;
const newNumber = () => `+4917${String(Date.now() % 1e7).padStart(7, '0')}${++numbers}`;
const sms = (from: string, body: string) => ({ MessageSid: fakeSid('SM'), AccountSid: fake.accountSid, From: from, To: OUR_NUMBER, Body: body, NumMedia: '0' });
const call = (from: string, extra: Record<string, string> = {}) => ({
  CallSid: fakeSid('CA'),
  AccountSid: fake.accountSid,
  From: from,
  To: OUR_NUMBER,
  Direction: 'inbound',
  CallStatus: 'in-progress',
  ...extra,
});

async function processed(kind: string, sid: string) {
  return eventually(async () => {
    const [row] = await sql<{ id: number; outcome: string; ticket_id: number | null; entry_id: number | null }>(
      'SELECT id, outcome, ticket_id, entry_id FROM twilio_inbound WHERE kind = ? AND sid = ? AND processed_at IS NOT NULL',
      [kind, sid],
    );
    return row ?? null;
  });
}

const count = async (query: string, params: unknown[] = []) => Number((await sql<{ n: number }>(query, params))[0].n);
const inboundCount = () => count('SELECT COUNT(*) AS n FROM twilio_inbound');
const entriesOf = (ticketId: number) =>
  sql<{ id: number; kind: string; body: string }>("SELECT id, kind, body FROM ticket_entries WHERE ticket_id = ? AND kind <> 'event' ORDER BY id", [ticketId]);

/**
 * The crash this guards against: the ticket command committed its entry, then the job died before
 * it wrote processed_at. Simulated by clearing the outcome and queueing the job again.
 */
async function rerunAsIfCrashed(kind: string, sid: string) {
  const [row] = await sql<{ id: number }>('SELECT id FROM twilio_inbound WHERE kind = ? AND sid = ?', [kind, sid]);
  await sql('UPDATE twilio_inbound SET processed_at = NULL, outcome = NULL, ticket_id = NULL, entry_id = NULL WHERE id = ?', [row.id]);
  await sql("INSERT INTO outbox_events (topic, payload) VALUES ('twilio.inbound', ?)", [JSON.stringify({ inboundId: row.id })]);
  return processed(kind, sid);
}

describe('forged, missing and replayed signatures', () => {
  it('every Twilio webhook refuses them with 403 and stores nothing', async () => {
    const from = newNumber();
    const callSid = fakeSid('CA');
    const recordingSid = fakeSid('RE');
    const requests: [string, Record<string, string>][] = [
      ['/webhooks/twilio/messaging', sms(from, 'forged')],
      ['/webhooks/twilio/status', { MessageSid: fakeSid('SM'), MessageStatus: 'delivered', AccountSid: fake.accountSid }],
      ['/webhooks/twilio/voice', call(from, { CallSid: callSid })],
      ['/webhooks/twilio/voice/menu?attempt=1', call(from, { CallSid: callSid, Digits: '2' })],
      ['/webhooks/twilio/voice/dial-status', call(from, { CallSid: callSid, DialCallStatus: 'no-answer' })],
      ['/webhooks/twilio/voice/recorded', call(from, { CallSid: callSid, RecordingSid: recordingSid, RecordingUrl: `https://api.twilio.com/r/${recordingSid}` })],
      ['/webhooks/twilio/voice/transcription', call(from, { CallSid: callSid, RecordingSid: recordingSid, TranscriptionStatus: 'completed', TranscriptionText: 'x' })],
      ['/webhooks/twilio/voice/status', call(from, { CallSid: callSid, CallStatus: 'completed', CallDuration: '5' })],
      [`/webhooks/twilio/voice/bridge?to=${encodeURIComponent(from)}`, call(OUR_NUMBER, { CallSid: callSid, To: '+4930123456' })],
    ];
    const before = await inboundCount();
    const outboundBefore = await count('SELECT COUNT(*) AS n FROM outbound_messages');
    for (const [path, params] of requests) {
      const variants: Parameters<typeof postTwilio>[4][] = [
        { signature: null },
        { signature: 'bm90IGEgc2lnbmF0dXJl' },
        // A real signature of another request (its parameters), replayed with this body.
        { signedParams: { ...params, From: '+4915199999999' } },
        // A real signature of this body for another URL.
        { signedUrl: `${PUBLIC_WEBHOOK_BASE}/webhooks/twilio/other` },
      ];
      for (const opts of variants) {
        const res = await post(path, params, opts);
        expect({ path, status: res.status }).toEqual({ path, status: 403 });
      }
      expect((await postTwilio(api.url, 'someone-elses-token', path, params)).status).toBe(403);
    }
    expect(await inboundCount()).toBe(before);
    expect(await count('SELECT COUNT(*) AS n FROM outbound_messages')).toBe(outboundBefore);
  });
});

describe('the call flow webhooks, posted twice', () => {
  it('voice, menu (1 and 0), dial-status and bridge answer the same TwiML again and store nothing', async () => {
    const from = newNumber();
    const params = call(from);
    const before = await inboundCount();
    for (const [path, extra] of [
      ['/webhooks/twilio/voice', {}],
      ['/webhooks/twilio/voice/menu?attempt=1', { Digits: '1' }],
      ['/webhooks/twilio/voice/menu?attempt=1', { Digits: '0' }],
      ['/webhooks/twilio/voice/menu?attempt=1', { Digits: '7' }],
      ['/webhooks/twilio/voice/dial-status', { DialCallStatus: 'no-answer' }],
      [`/webhooks/twilio/voice/bridge?to=${encodeURIComponent(from)}`, {}],
    ] as const) {
      const first = await post(path, { ...params, ...extra });
      const second = await post(path, { ...params, ...extra });
      expect(first.status).toBe(200);
      expect(second.text).toBe(first.text);
    }
    expect(await inboundCount()).toBe(before);
    expect(await count('SELECT COUNT(*) AS n FROM customer_phones WHERE e164 = ?', [from])).toBe(0);
  });
});

describe('a status callback that comes before we saved the message sid', () => {
  it('is stored once, not dropped, and lands on the reply when the sender learns the sid', async () => {
    const from = newNumber();
    const first = sms(from, 'Is my order on its way?');
    await post('/webhooks/twilio/messaging', first);
    const { ticket_id: ticketId } = await processed('message', first.MessageSid);

    // Twilio's callback outruns messages.create's answer: we learn of the sid only from the callback.
    const sid = fakeSid('SM');
    fake.nextSid('Messages', sid);
    const early = { MessageSid: sid, MessageStatus: 'delivered', AccountSid: fake.accountSid, From: OUR_NUMBER, To: from };
    for (let i = 0; i < 2; i++) expect((await post('/webhooks/twilio/status', early)).status).toBe(204);
    expect(await sql('SELECT sid FROM twilio_inbound WHERE kind = ?', ['status'])).toEqual([{ sid: `${sid}:delivered` }]);

    const agent = await createUser(api.url, 'agent');
    const reply = await restClient(api.url).post(`/tickets/${ticketId}/replies`, { body: 'Yes, tomorrow.' }, agent.token);
    expect(reply.status).toBe(200);
    const row = await eventually(async () => {
      const [r] = await sql<{ provider_message_id: string | null; delivery_status: string | null }>(
        'SELECT provider_message_id, delivery_status FROM outbound_messages WHERE ticket_entry_id = ?',
        [reply.body.id],
      );
      return r?.delivery_status === 'delivered' ? r : null;
    });
    expect(row.provider_message_id).toBe(sid);
    const [stored] = await sql<{ outcome: string }>("SELECT outcome FROM twilio_inbound WHERE kind = 'status' AND sid = ?", [`${sid}:delivered`]);
    expect(stored.outcome).toBe('applied');

    // Later callbacks for a known sid are applied at once and store nothing; a late 'sent' stays behind 'delivered'.
    const before = await inboundCount();
    expect((await post('/webhooks/twilio/status', { ...early, MessageStatus: 'sent' })).status).toBe(204);
    expect((await post('/webhooks/twilio/status', { ...early, MessageStatus: 'read' })).status).toBe(204);
    expect((await post('/webhooks/twilio/status', { ...early, MessageStatus: 'read' })).status).toBe(204);
    expect(await inboundCount()).toBe(before);
    const [after] = await sql<{ delivery_status: string }>('SELECT delivery_status FROM outbound_messages WHERE provider_message_id = ?', [sid]);
    expect(after.delivery_status).toBe('read');
    // One reply on the timeline, however many callbacks.
    expect((await entriesOf(ticketId!)).map((e) => e.kind)).toEqual(['message', 'reply']);
  });
});

describe('a job that dies after its entry committed, run again', () => {
  it('a message: the retry finds the entry and adds none', async () => {
    const from = newNumber();
    const message = sms(from, 'My invoice is wrong');
    for (let i = 0; i < 2; i++) expect((await post('/webhooks/twilio/messaging', message)).status).toBe(200);
    const done = await processed('message', message.MessageSid);
    expect(done.outcome).toBe('created');
    const again = await rerunAsIfCrashed('message', message.MessageSid);
    expect(again).toMatchObject({ outcome: 'recovered', ticket_id: done.ticket_id, entry_id: done.entry_id });
    expect(await entriesOf(done.ticket_id!)).toHaveLength(1);
  });

  it('a callback request (menu 2): still one urgent ticket, tagged', async () => {
    const from = newNumber();
    const params = call(from, { Digits: '2' });
    for (let i = 0; i < 2; i++) expect((await post('/webhooks/twilio/voice/menu?attempt=1', params)).status).toBe(200);
    const done = await processed('callback', params.CallSid);
    expect(done.outcome).toBe('callback');
    const again = await rerunAsIfCrashed('callback', params.CallSid);
    expect(again).toMatchObject({ outcome: 'callback', ticket_id: done.ticket_id });
    const tickets = await sql<{ id: number }>('SELECT t.id FROM tickets t JOIN customer_phones p ON p.user_id = t.requester_id WHERE p.e164 = ?', [from]);
    expect(tickets).toEqual([{ id: done.ticket_id }]);
  });

  it('a finished call, a voicemail and its transcript: each on the ticket once', async () => {
    const from = newNumber();
    const callSid = fakeSid('CA');
    const status = call(from, { CallSid: callSid, CallStatus: 'completed', CallDuration: '12' });
    for (let i = 0; i < 2; i++) expect((await post('/webhooks/twilio/voice/status', status)).status).toBe(204);
    const done = await processed('call', callSid);
    expect(await rerunAsIfCrashed('call', callSid)).toMatchObject({ outcome: 'recovered', entry_id: done.entry_id });

    const recordingSid = fakeSid('RE');
    const path = `/2010-04-01/Accounts/${fake.accountSid}/Recordings/${recordingSid}`;
    fake.serve(`${path}.mp3`, 'audio/mpeg', Buffer.concat([Buffer.from('ID3'), Buffer.alloc(32, 1)]));
    const recorded = call(from, { CallSid: callSid, RecordingSid: recordingSid, RecordingUrl: `https://api.twilio.com${path}`, RecordingDuration: '9' });
    for (let i = 0; i < 2; i++) expect((await post('/webhooks/twilio/voice/recorded', recorded)).status).toBe(200);
    const voicemail = await processed('recording', recordingSid);
    expect(voicemail).toMatchObject({ outcome: 'voicemail_joined', ticket_id: done.ticket_id });
    const downloads = () => fake.requests.filter((r) => r.path === `${path}.mp3`).length;
    expect(downloads()).toBe(1);
    expect(await rerunAsIfCrashed('recording', recordingSid)).toMatchObject({ outcome: 'voicemail_recovered', entry_id: voicemail.entry_id });
    // The retry did not download the recording again.
    expect(downloads()).toBe(1);

    const transcription = call(from, { CallSid: callSid, RecordingSid: recordingSid, TranscriptionSid: fakeSid('TR'), TranscriptionStatus: 'completed', TranscriptionText: 'Call me back please.' });
    for (let i = 0; i < 2; i++) expect((await post('/webhooks/twilio/voice/transcription', transcription)).status).toBe(204);
    const transcript = await processed('transcription', recordingSid);
    expect(transcript.outcome).toBe('transcript_added');
    expect(await rerunAsIfCrashed('transcription', recordingSid)).toMatchObject({ outcome: 'recovered', entry_id: transcript.entry_id });

    expect((await entriesOf(done.ticket_id!)).map((e) => e.body)).toEqual([
      `📞 Inbound call from ${from} to ${OUR_NUMBER} · answered, 12 s`,
      `🎙 Voicemail from ${from} (9 s).\n\nThe transcript follows when it is ready.`,
      'Transcript of the voicemail:\n\nCall me back please.',
    ]);
  });

  it('the finished call of an agent’s call back: one call entry on the ticket', async () => {
    const from = newNumber();
    const first = call(from, { CallStatus: 'no-answer', CallDuration: '0' });
    await post('/webhooks/twilio/voice/status', first);
    const { ticket_id: ticketId } = await processed('call', first.CallSid);
    const agentLeg = { CallSid: fakeSid('CA'), AccountSid: fake.accountSid, From: OUR_NUMBER, To: '+4930123456', Direction: 'outbound-api', CallStatus: 'completed', CallDuration: '30' };
    for (let i = 0; i < 2; i++) expect((await post(`/webhooks/twilio/voice/status?ticket=${ticketId}`, agentLeg)).status).toBe(204);
    const done = await processed('call', agentLeg.CallSid);
    expect(done.outcome).toBe('call_logged');
    expect(await rerunAsIfCrashed('call', agentLeg.CallSid)).toMatchObject({ outcome: 'recovered', entry_id: done.entry_id });
    expect(await count("SELECT COUNT(*) AS n FROM ticket_entries WHERE ticket_id = ? AND kind = 'call'", [ticketId])).toBe(2);
  });
});
