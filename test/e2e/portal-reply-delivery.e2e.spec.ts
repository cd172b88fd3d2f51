import type { LiveTicketEvent } from '@switchboard/contracts';
import { createApiClient } from '@switchboard/trpc-client';
import { useApi } from '../support/api.js';
import { eventually, sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { liveClientFor, record, sleep } from '../support/live.js';
import { createUser } from '../support/people.js';
import { eventWebhookKeys } from '../support/sendgrid-server.js';

/**
 * Decision 029: a staff reply on a ticket that came from the portal or the API reaches the customer as a
 * notification email; that email now carries the reply's entry, so the entry shows its delivery state
 * (recorded, sent, what SendGrid's Event Webhook reports) and each change is the entry's `entry.updated`.
 * Through the real entry points: tRPC reply, the worker, the local SendGrid server, the signed webhook.
 */
const API_KEY = 'SG.portal-reply-delivery';
const eventKeys = eventWebhookKeys();
const { api, sendgrid } = useApi({
  worker: true,
  sendgrid: { apiKey: API_KEY },
  env: { SUPPORT_EMAIL: 'support@acme.test', SENDGRID_EVENT_PUBLIC_KEY: eventKeys.publicKey, OUTBOX_POLL_MS: '100' },
  ownDatabase: 'portal_reply',
});

type Updated = Extract<LiveTicketEvent, { type: 'entry.updated' }>;
const updatesOf = (events: LiveTicketEvent[], entryId: number) => events.filter((e): e is Updated => e.type === 'entry.updated' && e.entryId === entryId);

async function postEvents(events: object[]) {
  const body = JSON.stringify(events);
  const timestamp = String(Math.floor(Date.now() / 1000));
  return fetch(`${api.url}/webhooks/sendgrid/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'X-Twilio-Email-Event-Webhook-Signature': eventKeys.sign(timestamp, body),
      'X-Twilio-Email-Event-Webhook-Timestamp': timestamp,
    },
    body,
  });
}

describe('the reply notification of a portal or API ticket shows its delivery on the reply', () => {
  let agent: Awaited<ReturnType<typeof createUser>>;
  beforeAll(async () => {
    agent = await createUser(api.url, 'agent', { name: 'Ana Agent' });
  }, 60_000);

  it.each([
    ['portal', 'tRPC'],
    ['api', 'REST'],
  ])('a %s ticket (opened over %s): sent, then delivered, each announced as entry.updated', async (channel) => {
    const customer = await createUser(api.url, 'customer', { name: 'Polly Portal' });
    const ticket =
      channel === 'portal'
        ? await createApiClient({ url: api.url, token: customer.token }).tickets.create.mutate({ subject: 'Lost my invoice', description: 'Please resend it.' })
        : (await restClient(api.url).post('/tickets', { subject: 'Lost my invoice', description: 'Please resend it.' }, customer.token)).body;
    expect(ticket.channel).toBe(channel);

    const live = record<LiveTicketEvent>((h) => liveClientFor(api.url, agent.token).live.ticket.subscribe({ ticketId: ticket.id }, h));
    await live.started;
    await sleep(300);
    try {
      const entry = await createApiClient({ url: api.url, token: agent.token }).tickets.reply.mutate({ id: ticket.id, body: 'Here it is again.' });

      // Recorded (sending), then sent by the worker through (local) SendGrid: two entry.updated for the reply.
      await live.waitFor((e) => updatesOf(e, entry.id).length >= 2, 20_000);
      expect(updatesOf(live.events, entry.id)[1]).toMatchObject({ ticketId: ticket.id, entryId: entry.id, kind: 'reply', change: 'delivery' });
      const mail = await eventually(
        async () => sendgrid.sent.find((m) => m.body.personalizations[0]!.to[0]!.email === customer.email && m.body.content.some((c) => c.value.includes('Here it is again.'))) ?? null,
        15_000,
      );
      expect(mail.body.subject).toBe(`[#${ticket.id}] Re: Lost my invoice`);
      const [row] = await sql<{ channel: string; recipient: string; status: string; provider_message_id: string | null }>(
        'SELECT channel, recipient, status, provider_message_id FROM outbound_messages WHERE ticket_entry_id = ?',
        [entry.id],
      );
      expect(row).toMatchObject({ channel: 'email', recipient: customer.email, status: 'sent', provider_message_id: expect.stringMatching(/^[0-9a-f]{16}$/) });

      const timeline = () => createApiClient({ url: api.url, token: agent.token }).tickets.timeline.query({ id: ticket.id });
      const deliveryOf = async () => (await timeline()).entries.find((e) => e.id === entry.id)!.delivery;
      expect(await deliveryOf()).toMatchObject({ channel: 'email', recipient: customer.email, status: 'sent', error: null });

      // SendGrid reports on it by the X-Message-Id kept at send time.
      const before = updatesOf(live.events, entry.id).length;
      const posted = await postEvents([
        { email: customer.email, timestamp: Math.floor(Date.now() / 1000), event: 'delivered', sg_event_id: `pr-${entry.id}-delivered`, sg_message_id: `${row!.provider_message_id}.filterdrecv-1` },
      ]);
      expect(posted.status).toBe(200);
      await live.waitFor((e) => updatesOf(e, entry.id).length > before, 20_000);
      const delivered = await deliveryOf();
      expect(delivered).toMatchObject({ status: 'delivered' });
      expect(delivered!.events!.map((e) => e.event)).toEqual(['delivered']);

      // The customer sees the reply, never its delivery.
      const own = await createApiClient({ url: api.url, token: customer.token }).tickets.timeline.query({ id: ticket.id });
      expect(own.entries.find((e) => e.id === entry.id)!.delivery ?? null).toBeNull();
    } finally {
      live.stop();
    }
  }, 90_000);
});
