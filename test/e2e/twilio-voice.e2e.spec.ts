import { hashPassword } from '@switchboard/passwords';
import { eventually, sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { TEST_PASSWORD, createUser } from '../support/people.js';
import { useTwilioStack } from '../support/twilio-stack.js';
import { fakeSid, parseTwiml, postTwilio, type TwimlNode } from '../support/twilio-webhooks.js';
import { at, el, menuNodes, voicemailNodes } from '../support/twiml-nodes.js';

/** Phone calls through Twilio: the menu's TwiML path by path, and what each call leaves on a ticket. */
const OUR_NUMBER = '+15005550006';
const AGENTS = ['+4930123456', '+4930654321'];

const { api, fake } = useTwilioStack('twilio_voice', {
  env: {
    TWILIO_VOICE_GREETING: 'Welcome to Acme support.',
    TWILIO_AGENT_PHONES: AGENTS.join(','),
    TWILIO_BUSINESS_HOURS: 'Mon-Sun 00:00-24:00',
  },
});

let numbers = 0;
const newNumber = () => `+4916${String(Date.now() % 1e7).padStart(7, '0')}${++numbers}`;
const callParams = (from: string, extra: Record<string, string> = {}) => ({
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
  expect(res.contentType).toMatch(/^text\/xml/);
  return parseTwiml(res.text);
}


async function inboundDone(kind: string, sid: string) {
  return eventually(async () => {
    const [row] = await sql<{ outcome: string; ticket_id: number | null; entry_id: number | null }>(
      'SELECT outcome, ticket_id, entry_id FROM twilio_inbound WHERE kind = ? AND sid = ? AND processed_at IS NOT NULL',
      [kind, sid],
    );
    return row ?? null;
  });
}

const entriesOf = (ticketId: number) =>
  sql<{ id: number; kind: string; body: string; channel: string }>("SELECT id, kind, body, channel FROM ticket_entries WHERE ticket_id = ? AND kind <> 'event' ORDER BY id", [ticketId]);

describe('POST /webhooks/twilio/voice: the menu, path by path', () => {
  it('greets and offers the menu; an unsigned call is refused', async () => {
    const params = callParams(newNumber());
    expect(await twiml('/webhooks/twilio/voice', params)).toEqual(el('Response', {}, '', [el('Say', {}, 'Welcome to Acme support.'), ...menuNodes(1)]));
    expect((await postTwilio(api.url, fake.authToken, '/webhooks/twilio/voice', params, { signature: null })).status).toBe(403);
    expect((await postTwilio(api.url, fake.authToken, '/webhooks/twilio/voice/menu?attempt=1', { ...params, Digits: '1' }, { signedParams: { ...params, Digits: '2' } })).status).toBe(403);
  });

  it('1 records a voicemail with transcription', async () => {
    expect(await twiml('/webhooks/twilio/voice/menu?attempt=1', { ...callParams(newNumber()), Digits: '1' })).toEqual(el('Response', {}, '', voicemailNodes()));
  });

  it('0 rings every agent phone during business hours; an unanswered dial goes to voicemail', async () => {
    const params = callParams(newNumber());
    expect(await twiml('/webhooks/twilio/voice/menu?attempt=1', { ...params, Digits: '0' })).toEqual(
      el('Response', {}, '', [
        el('Say', {}, 'Connecting you to an agent.'),
        el('Dial', { action: at('/webhooks/twilio/voice/dial-status'), method: 'POST', timeout: '20' }, '', AGENTS.map((n) => el('Number', {}, n))),
      ]),
    );
    expect(await twiml('/webhooks/twilio/voice/dial-status', { ...params, DialCallStatus: 'no-answer' })).toEqual(
      el('Response', {}, '', voicemailNodes('Nobody could take your call.')),
    );
    expect(await twiml('/webhooks/twilio/voice/dial-status', { ...params, DialCallStatus: 'completed' })).toEqual(el('Response', {}, '', [el('Hangup')]));
  });

  it('bad or no input repeats the menu once, then goes to voicemail', async () => {
    const params = callParams(newNumber());
    expect(await twiml('/webhooks/twilio/voice/menu?attempt=1', { ...params, Digits: '9' })).toEqual(
      el('Response', {}, '', [el('Say', {}, 'Sorry, I did not get that.'), ...menuNodes(2)]),
    );
    expect(await twiml('/webhooks/twilio/voice/menu?attempt=2', params)).toEqual(el('Response', {}, '', voicemailNodes()));
  });

  it('2 confirms, and the callback request becomes one urgent ticket tagged callback-requested, however often it is posted', async () => {
    const from = newNumber();
    const params = { ...callParams(from), Digits: '2' };
    const expected = el('Response', {}, '', [el('Say', {}, 'Thank you. We will call you back at this number as soon as we can. Goodbye.'), el('Hangup')]);
    expect(await twiml('/webhooks/twilio/voice/menu?attempt=1', params)).toEqual(expected);
    expect(await twiml('/webhooks/twilio/voice/menu?attempt=1', params)).toEqual(expected);
    const done = await inboundDone('callback', params.CallSid);
    expect(done.outcome).toBe('callback');
    const tickets = await sql<{ id: number; subject: string; urgency: string; channel: string }>(
      'SELECT t.id, t.subject, t.urgency, t.channel FROM tickets t JOIN customer_phones p ON p.user_id = t.requester_id WHERE p.e164 = ?',
      [from],
    );
    expect(tickets).toEqual([{ id: done.ticket_id, subject: `Callback requested by ${from}`, urgency: 'high', channel: 'phone' }]);
    const tags = await eventually(async () => {
      const rows = await sql<{ name: string }>('SELECT t.name FROM ticket_tags tt JOIN tags t ON t.id = tt.tag_id WHERE tt.ticket_id = ?', [done.ticket_id]);
      return rows.length ? rows : null;
    });
    expect(tags.map((t) => t.name)).toEqual(['callback-requested']);
  });
});

describe('withheld numbers', () => {
  it('2 from a withheld number cannot be called back: the caller is asked for a voicemail, nothing is stored', async () => {
    const params = { ...callParams('anonymous'), Digits: '2' };
    expect(await twiml('/webhooks/twilio/voice/menu?attempt=1', params)).toEqual(
      el('Response', {}, '', voicemailNodes('We cannot see your number. Please leave a message with the number we should call.')),
    );
    expect(await sql('SELECT id FROM twilio_inbound WHERE sid = ?', [params.CallSid])).toHaveLength(0);
  });
});

describe('voicemails and calls on the timeline', () => {
  const mp3 = Buffer.concat([Buffer.from('ID3'), Buffer.from([4, 0, 0, 0, 0, 0, 0]), Buffer.alloc(64, 0x55)]);

  function recording(from: string, callSid: string) {
    const recordingSid = fakeSid('RE');
    const path = `/2010-04-01/Accounts/${fake.accountSid}/Recordings/${recordingSid}`;
    fake.serve(`${path}.mp3`, 'audio/mpeg', mp3);
    return {
      recordingSid,
      recorded: { ...callParams(from), CallSid: callSid, RecordingSid: recordingSid, RecordingUrl: `https://api.twilio.com${path}`, RecordingDuration: '23', Digits: '#' },
      transcription: {
        ...callParams(from),
        CallSid: callSid,
        RecordingSid: recordingSid,
        TranscriptionSid: fakeSid('TR'),
        TranscriptionStatus: 'completed',
        TranscriptionText: 'Hi, my heating is broken again. Please call me.',
      },
    };
  }
  const thanks = el('Response', {}, '', [el('Say', {}, 'Thank you for your message. Goodbye.'), el('Hangup')]);

  it('a voicemail whose transcript came first: one entry, the transcript as the message, the recording attached', async () => {
    const from = newNumber();
    const { recordingSid, recorded, transcription } = recording(from, fakeSid('CA'));
    for (let i = 0; i < 2; i++) expect((await postTwilio(api.url, fake.authToken, '/webhooks/twilio/voice/transcription', transcription)).status).toBe(204);
    expect(await inboundDone('transcription', recordingSid)).toMatchObject({ outcome: 'held' });
    expect(await twiml('/webhooks/twilio/voice/recorded', recorded)).toEqual(thanks);
    expect(await twiml('/webhooks/twilio/voice/recorded', recorded)).toEqual(thanks);

    const done = await inboundDone('recording', recordingSid);
    expect(done.outcome).toBe('voicemail_created');
    const entries = await entriesOf(done.ticket_id!);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'message', channel: 'phone' });
    expect(entries[0].body).toBe(`🎙 Voicemail from ${from} (23 s):\n\nHi, my heating is broken again. Please call me.`);
    const [ticket] = await sql<{ subject: string }>('SELECT subject FROM tickets WHERE id = ?', [done.ticket_id]);
    expect(ticket.subject).toBe('Hi, my heating is broken again. Please call me.');
    expect(await sql('SELECT filename, content_type, size FROM attachments WHERE ticket_entry_id = ?', [entries[0].id])).toEqual([
      { filename: 'voicemail.mp3', content_type: 'audio/mpeg', size: mp3.length },
    ]);
    expect(fake.requests.find((r) => r.path.endsWith(`${recordingSid}.mp3`))).toMatchObject({ method: 'GET', authorized: true });
    const [merged] = await sql<{ outcome: string }>("SELECT outcome FROM twilio_inbound WHERE kind = 'transcription' AND sid = ?", [recordingSid]);
    expect(merged.outcome).toBe('merged');
  });

  it('a voicemail from a withheld number opens a ticket of its own by "Unknown caller"', async () => {
    const { recordingSid, recorded } = recording('anonymous', fakeSid('CA'));
    expect(await twiml('/webhooks/twilio/voice/recorded', recorded)).toEqual(thanks);
    const done = await inboundDone('recording', recordingSid);
    expect(done.outcome).toBe('voicemail_created');
    const [ticket] = await sql<{ subject: string; email: string; name: string }>(
      'SELECT t.subject, u.email, u.name FROM tickets t JOIN users u ON u.id = t.requester_id WHERE t.id = ?',
      [done.ticket_id],
    );
    expect(ticket).toEqual({ subject: 'Voicemail from a withheld number', email: 'withheld@phone.invalid', name: 'Unknown caller' });
  });

  it('a finished call and a voicemail before its transcript: each posted twice, each on the caller’s phone ticket once', async () => {
    const from = newNumber();
    const callSid = fakeSid('CA');
    const status = { ...callParams(from), CallSid: callSid, CallStatus: 'completed', CallDuration: '65' };
    for (let i = 0; i < 2; i++) expect((await postTwilio(api.url, fake.authToken, '/webhooks/twilio/voice/status', status)).status).toBe(204);
    const call = await inboundDone('call', callSid);
    expect(call.outcome).toBe('created');

    const { recordingSid, recorded, transcription } = recording(from, callSid);
    for (let i = 0; i < 2; i++) await twiml('/webhooks/twilio/voice/recorded', recorded);
    expect(await inboundDone('recording', recordingSid)).toMatchObject({ outcome: 'voicemail_joined', ticket_id: call.ticket_id });
    for (let i = 0; i < 2; i++) expect((await postTwilio(api.url, fake.authToken, '/webhooks/twilio/voice/transcription', transcription)).status).toBe(204);
    expect(await inboundDone('transcription', recordingSid)).toMatchObject({ outcome: 'transcript_added', ticket_id: call.ticket_id });

    const entries = await entriesOf(call.ticket_id!);
    expect(entries.map((e) => [e.kind, e.body])).toEqual([
      ['call', `📞 Inbound call from ${from} to ${OUR_NUMBER} · answered, 1 min 5 s`],
      ['message', `🎙 Voicemail from ${from} (23 s).\n\nThe transcript follows when it is ready.`],
      ['message', 'Transcript of the voicemail:\n\nHi, my heating is broken again. Please call me.'],
    ]);
    // The call is an entry of its own kind: its details, with the voicemail and the transcript filled in as they came.
    const [recordingFile] = await sql<{ id: number }>('SELECT id FROM attachments WHERE ticket_entry_id = ?', [entries[1].id]);
    const expectedCall = {
      direction: 'inbound',
      from,
      to: OUR_NUMBER,
      status: 'completed',
      durationSeconds: 65,
      recordingAttachmentId: recordingFile.id,
      transcription: 'Hi, my heating is broken again. Please call me.',
    };
    const agent = await createUser(api.url, 'agent');
    const seen = await restClient(api.url).get(`/tickets/${call.ticket_id}/timeline`, agent.token);
    expect(seen.body.entries[0]).toMatchObject({ kind: 'call', visibility: 'public', channel: 'phone', call: expectedCall });
    expect(seen.body.entries[1].call).toBeUndefined();
    // The caller sees the call in the portal too (it was their call).
    const [requester] = await sql<{ requester_id: number }>('SELECT requester_id FROM tickets WHERE id = ?', [call.ticket_id]);
    // (Customers made from a phone number have no password: give this one a password to sign in with.)
    await sql('UPDATE users SET password_hash = ? WHERE id = ?', [await hashPassword(TEST_PASSWORD), requester.requester_id]);
    const login = await restClient(api.url).post('/auth/token', { email: `${from}@phone.invalid`, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    const theirs = await restClient(api.url).get(`/tickets/${call.ticket_id}/timeline`, login.body.token);
    expect(theirs.body.entries[0]).toMatchObject({ kind: 'call', call: expectedCall });
    const [ticket] = await sql<{ subject: string; channel: string }>('SELECT subject, channel FROM tickets WHERE id = ?', [call.ticket_id]);
    expect(ticket).toEqual({ subject: `Call from ${from}`, channel: 'phone' });
  });
});

describe('call backs', () => {
  it('an agent presses Call back: Twilio rings the agent, the bridge dials the customer, the finished call lands as a call entry once', async () => {
    const from = newNumber();
    const callSid = fakeSid('CA');
    await postTwilio(api.url, fake.authToken, '/webhooks/twilio/voice/status', { ...callParams(from), CallSid: callSid, CallStatus: 'no-answer', CallDuration: '0' });
    const { ticket_id: ticketId } = await inboundDone('call', callSid);
    const agent = await createUser(api.url, 'agent');
    const rest = restClient(api.url);

    expect((await rest.post(`/tickets/${ticketId}/call-back`, { agentPhone: '030 123' }, agent.token)).body.message).toMatch(/^agentPhone: /);
    const customer = await createUser(api.url, 'customer');
    expect((await rest.post(`/tickets/${ticketId}/call-back`, { agentPhone: AGENTS[0] }, customer.token)).status).toBe(403);

    const before = fake.created('Calls').length;
    const res = await rest.post(`/tickets/${ticketId}/call-back`, { agentPhone: '+49 30 123456' }, agent.token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ticketId, customerPhone: from, agentPhone: AGENTS[0], status: 'queued' });

    const placed = await eventually(async () => fake.created('Calls')[before] ?? null);
    const bridgeUrl = at(`/webhooks/twilio/voice/bridge?to=${encodeURIComponent(from)}`);
    expect(placed.authorized).toBe(true);
    expect(placed.params).toMatchObject({
      To: AGENTS[0],
      From: OUR_NUMBER,
      Url: bridgeUrl,
      Method: 'POST',
      StatusCallback: at(`/webhooks/twilio/voice/status?ticket=${ticketId}`),
    });

    // The agent answers: Twilio fetches the bridge (signed over the URL with its query).
    const agentLeg = { CallSid: fakeSid('CA'), AccountSid: fake.accountSid, From: OUR_NUMBER, To: AGENTS[0], Direction: 'outbound-api', CallStatus: 'in-progress' };
    expect(await twiml(`/webhooks/twilio/voice/bridge?to=${encodeURIComponent(from)}`, agentLeg)).toEqual(
      el('Response', {}, '', [el('Say', {}, 'Connecting you to the customer.'), el('Dial', { callerId: OUR_NUMBER }, '', [el('Number', {}, from)])]),
    );
    // Someone changes the number in the URL: the signature no longer matches.
    const tampered = await postTwilio(api.url, fake.authToken, '/webhooks/twilio/voice/bridge?to=%2B4915199999999', agentLeg, { signedUrl: bridgeUrl });
    expect(tampered.status).toBe(403);

    const finished = { ...agentLeg, CallStatus: 'completed', CallDuration: '120' };
    for (let i = 0; i < 2; i++) {
      expect((await postTwilio(api.url, fake.authToken, `/webhooks/twilio/voice/status?ticket=${ticketId}`, finished)).status).toBe(204);
    }
    expect(await inboundDone('call', agentLeg.CallSid)).toMatchObject({ outcome: 'call_logged', ticket_id: ticketId });
    const calls = await sql<{ body: string; visibility: string }>("SELECT body, visibility FROM ticket_entries WHERE ticket_id = ? AND kind = 'call' ORDER BY id", [ticketId]);
    expect(calls).toEqual([
      { body: `📞 Inbound call from ${from} to ${OUR_NUMBER} · not answered, 0 s`, visibility: 'public' },
      { body: `📞 Outbound call from ${OUR_NUMBER} to ${AGENTS[0]} · answered, 2 min`, visibility: 'public' },
    ]);
    const timeline = await rest.get(`/tickets/${ticketId}/timeline`, agent.token);
    expect(timeline.body.entries.filter((e: { kind: string }) => e.kind === 'call').map((e: { call: unknown }) => e.call)).toEqual([
      { direction: 'inbound', from, to: OUR_NUMBER, status: 'no-answer', durationSeconds: 0, recordingAttachmentId: null, transcription: null },
      { direction: 'outbound', from: OUR_NUMBER, to: AGENTS[0], status: 'completed', durationSeconds: 120, recordingAttachmentId: null, transcription: null },
    ]);
  });

  it('a customer asks for a callback in the portal: the same urgent, tagged phone ticket', async () => {
    const customer = await createUser(api.url, 'customer');
    const rest = restClient(api.url);
    const bad = await rest.post('/callback-requests', { phone: '0151 234' }, customer.token);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^phone: must be a phone number with its country code/);
    const agent = await createUser(api.url, 'agent');
    expect((await rest.post('/callback-requests', { phone: '+49 151 23456789' }, agent.token)).status).toBe(403);

    const res = await rest.post('/callback-requests', { phone: '+49 151 23456789', window: 'weekdays after 5pm' }, customer.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      subject: 'Callback requested by +4915123456789',
      description: 'Please call me back at +4915123456789.\nPreferred time: weekdays after 5pm',
      channel: 'phone',
      urgency: 'high',
      requester: { id: customer.id },
    });
    // Tags are staff vocabulary: the customer does not see them, the agent does.
    const seen = await rest.get(`/tickets/${res.body.id}`, agent.token);
    expect(seen.body.tags).toEqual(['callback-requested']);
    expect(await sql('SELECT user_id FROM customer_phones WHERE e164 = ?', ['+4915123456789'])).toEqual([{ user_id: customer.id }]);
  });

  it('a callback request sent twice, even at the same moment, is one ticket until that one is resolved', async () => {
    const customer = await createUser(api.url, 'customer');
    const agent = await createUser(api.url, 'agent');
    const rest = restClient(api.url);
    const phone = `+4915${String(Date.now() % 1e8).padStart(8, '0')}`;
    const twice = await Promise.all([1, 2, 3].map(() => rest.post('/callback-requests', { phone }, customer.token)));
    expect(twice.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(new Set(twice.map((r) => r.body.id)).size).toBe(1);
    const [{ n }] = await sql<{ n: number }>('SELECT COUNT(*) AS n FROM tickets WHERE requester_id = ? AND channel = ?', [customer.id, 'phone']);
    expect(Number(n)).toBe(1);
    // Another number is another request; once the first is resolved, asking again opens a new one.
    const otherPhone = `${phone.slice(0, -1)}${(Number(phone.slice(-1)) + 1) % 10}`;
    const other = await rest.post('/callback-requests', { phone: otherPhone }, customer.token);
    expect(other.body.id).not.toBe(twice[0].body.id);
    expect((await rest.patch(`/tickets/${twice[0].body.id}`, { status: 'resolved' }, agent.token)).status).toBe(200);
    const again = await rest.post('/callback-requests', { phone }, customer.token);
    expect(again.status).toBe(200);
    expect(again.body.id).not.toBe(twice[0].body.id);
  });
});
