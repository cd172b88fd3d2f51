import type { LiveTicketEvent } from '@switchboard/contracts';
import { eventually, sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { liveClientFor, record, sleep } from '../support/live.js';
import { createUser } from '../support/people.js';
import { useTwilioStack } from '../support/twilio-stack.js';
import { fakeSid, postTwilio } from '../support/twilio-webhooks.js';

/**
 * entry.updated over the real SSE endpoint: an entry that changes after it was added (a reply's
 * delivery state from Twilio's status callback, a call's entry filled in with its voicemail) reaches a
 * subscriber of the ticket (the worker applies them: the event crosses processes through Redis).
 */
const OUR_NUMBER = '+15005550006';
const { api, fake, post } = useTwilioStack('live_entry', { env: { TWILIO_BUSINESS_HOURS: 'Mon-Sun 00:00-24:00' } });

let numbers = 0;
const newNumber = () => `+4917${String(Date.now() % 1e7).padStart(7, '0')}${++numbers}`;
type Updated = Extract<LiveTicketEvent, { type: 'entry.updated' }>;
const updates = (events: LiveTicketEvent[]) => events.filter((e): e is Updated => e.type === 'entry.updated');

async function processed(kind: string, sid: string) {
  return eventually(async () => {
    const [row] = await sql<{ outcome: string; ticket_id: number | null }>(
      'SELECT outcome, ticket_id FROM twilio_inbound WHERE kind = ? AND sid = ? AND processed_at IS NOT NULL',
      [kind, sid],
    );
    return row ?? null;
  }, 20_000);
}

it('a Twilio status callback moves a reply’s delivery state: the subscribed ticket page hears entry.updated for that entry', async () => {
  const from = newNumber();
  const sid = fakeSid('SM');
  await post('/webhooks/twilio/messaging', { MessageSid: sid, AccountSid: fake.accountSid, From: from, To: OUR_NUMBER, Body: 'Where is my parcel?', NumMedia: '0' });
  const { ticket_id: ticketId } = await processed('message', sid);
  const agent = await createUser(api.url, 'agent');
  const reply = await restClient(api.url).post(`/tickets/${ticketId}/replies`, { body: 'On its way.' }, agent.token);
  expect(reply.status).toBe(200);
  const row = await eventually(async () => {
    const [r] = await sql<{ provider_message_id: string | null }>('SELECT provider_message_id FROM outbound_messages WHERE ticket_entry_id = ?', [reply.body.id]);
    return r?.provider_message_id ? r : null;
  });

  const live = record<LiveTicketEvent>((h) => liveClientFor(api.url, agent.token).live.ticket.subscribe({ ticketId: ticketId! }, h));
  try {
    await live.started;
    // Whatever the sender announced when it sent the reply has arrived by now.
    await sleep(500);
    const before = updates(live.events).length;
    const callback = (status: string) => post('/webhooks/twilio/status', { MessageSid: row.provider_message_id!, MessageStatus: status, AccountSid: fake.accountSid });
    expect((await callback('delivered')).status).toBe(204);
    await live.waitFor((e) => updates(e).length > before);
    expect(updates(live.events).at(-1)).toMatchObject({ ticketId, entryId: reply.body.id, kind: 'reply', visibility: 'public', change: 'delivery', actorId: 0 });
    // What the page reloads then shows the new state on that entry.
    const timeline = await restClient(api.url).get(`/tickets/${ticketId}/timeline`, agent.token);
    expect(timeline.body.entries.find((e: { id: number }) => e.id === reply.body.id).delivery).toMatchObject({ status: 'delivered' });

    // A late callback that changes nothing publishes nothing.
    const after = updates(live.events).length;
    expect((await callback('sent')).status).toBe(204);
    await sleep(700);
    expect(updates(live.events)).toHaveLength(after);
  } finally {
    live.stop();
  }
}, 60_000);

it('a call’s entry filled in later with its voicemail: entry.updated for the call entry', async () => {
  const from = newNumber();
  const callSid = fakeSid('CA');
  const base = { CallSid: callSid, AccountSid: fake.accountSid, From: from, To: OUR_NUMBER, Direction: 'inbound' };
  expect((await postTwilio(api.url, fake.authToken, '/webhooks/twilio/voice/status', { ...base, CallStatus: 'completed', CallDuration: '42' })).status).toBe(204);
  const call = await processed('call', callSid);
  const [callEntry] = await sql<{ id: number }>("SELECT id FROM ticket_entries WHERE ticket_id = ? AND kind = 'call'", [call.ticket_id]);
  const agent = await createUser(api.url, 'agent');

  const live = record<LiveTicketEvent>((h) => liveClientFor(api.url, agent.token).live.ticket.subscribe({ ticketId: call.ticket_id! }, h));
  try {
    await live.started;
    const recordingSid = fakeSid('RE');
    const path = `/2010-04-01/Accounts/${fake.accountSid}/Recordings/${recordingSid}`;
    fake.serve(`${path}.mp3`, 'audio/mpeg', Buffer.concat([Buffer.from('ID3'), Buffer.alloc(64, 0x55)]));
    const recorded = { ...base, CallStatus: 'in-progress', RecordingSid: recordingSid, RecordingUrl: `https://api.twilio.com${path}`, RecordingDuration: '9', Digits: '#' };
    expect((await postTwilio(api.url, fake.authToken, '/webhooks/twilio/voice/recorded', recorded)).status).toBe(200);
    await live.waitFor((e) => updates(e).some((u) => u.entryId === callEntry.id), 20_000);
    expect(updates(live.events).find((u) => u.entryId === callEntry.id)).toMatchObject({ ticketId: call.ticket_id, kind: 'call', change: 'call' });
    const timeline = await restClient(api.url).get(`/tickets/${call.ticket_id}/timeline`, agent.token);
    expect(timeline.body.entries.find((e: { id: number }) => e.id === callEntry.id).call.recordingAttachmentId).toEqual(expect.any(Number));
  } finally {
    live.stop();
  }
}, 60_000);
