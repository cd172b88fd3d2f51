import type { LiveTicketEvent } from '@switchboard/contracts';
import { useApi } from '../support/api.js';
import { eventually, sql } from '../support/db.js';
import { restClient, uniqueEmail } from '../support/http.js';
import { postInbound, rawForm } from '../support/inbound-email.js';
import { liveClientFor, record, sleep, type Recording } from '../support/live.js';
import { bounceReport, simpleMail } from '../support/mime.js';
import { createUser } from '../support/people.js';

/**
 * An emailed reply's delivery state, live (docs/decisions/026): each change of the email that carries a
 * reply (recorded as sending, sent by the relay's job, an attempt refused, given up as failed, bounced
 * by a DSN, sent again after a retry) reaches a subscriber of the ticket as `entry.updated` over the real
 * SSE endpoint; the worker publishes, the event crosses processes through Redis. One attempt per job,
 * so each state change is exactly one event.
 */
const SECRET = 'inbound-secret-live-email-delivery';
const API_KEY = 'SG.live-email-delivery';
const { api, sendgrid } = useApi({
  worker: true,
  sendgrid: { apiKey: API_KEY },
  env: {
    SENDGRID_INBOUND_SECRET: SECRET,
    SUPPORT_EMAIL: 'support@acme.test',
    SIGNING_SECRET: 'live-email-delivery-secret-0123456789',
    OUTBOX_ATTEMPTS: '1',
    OUTBOX_POLL_MS: '100',
  },
  ownDatabase: 'live_email',
});
let agent: Awaited<ReturnType<typeof createUser>>;
const rest = () => restClient(api.url);

type Updated = Extract<LiveTicketEvent, { type: 'entry.updated' }>;
const updatesOf = (events: LiveTicketEvent[], entryId: number) => events.filter((e): e is Updated => e.type === 'entry.updated' && e.entryId === entryId);

beforeAll(async () => {
  agent = await createUser(api.url, 'agent', { name: 'Ana Agent' });
}, 60_000);

/** A customer's email becomes a ticket (its acknowledgement sent); the agent's page subscribes to it. */
async function emailTicket(): Promise<{ ticketId: number; customer: string; live: Recording<LiveTicketEvent> }> {
  const customer = uniqueEmail('mailer');
  const { mime, messageId } = simpleMail({ from: customer, to: 'support@acme.test', subject: 'Where is my parcel?', text: 'It has been a week.' });
  expect((await postInbound(api.url, rawForm(mime, { envelope: { to: ['support@acme.test'], from: customer } }), { secret: SECRET })).status).toBe(200);
  const { ticketId } = await eventually(async () => {
    const [row] = await sql<{ ticketId: number | null }>("SELECT ticket_id AS ticketId FROM inbound_emails WHERE message_id = ? AND status = 'processed'", [messageId]);
    return row?.ticketId ? { ticketId: Number(row.ticketId) } : null;
  }, 15_000);
  // The acknowledgement is out before the test's own mail is counted or refused.
  await eventually(async () => sendgrid.sent.some((m) => m.body.personalizations[0]!.to[0]!.email === customer), 15_000);
  const live = record<LiveTicketEvent>((h) => liveClientFor(api.url, agent.token).live.ticket.subscribe({ ticketId }, h));
  await live.started;
  await sleep(300);
  return { ticketId, customer, live };
}

const reply = async (ticketId: number, body: string) => {
  const res = await rest().post(`/tickets/${ticketId}/replies`, { body }, agent.token);
  expect(res.status).toBe(200);
  return Number(res.body.id);
};
const deliveryOf = async (ticketId: number, entryId: number) =>
  (await rest().get(`/tickets/${ticketId}/timeline`, agent.token)).body.entries.find((e: { id: number }) => e.id === entryId).delivery;
const messageOf = async (entryId: number) =>
  (await sql<{ status: string; messageId: string }>('SELECT status, message_id AS messageId FROM outbound_messages WHERE ticket_entry_id = ?', [entryId]))[0];

describe('an emailed reply’s delivery state, live', () => {
  it('recorded, then sent by the relay: two entry.updated for the reply, and the page then reads "sent"', async () => {
    const { ticketId, live } = await emailTicket();
    try {
      const entryId = await reply(ticketId, 'It left our warehouse today.');
      await live.waitFor((e) => updatesOf(e, entryId).length >= 2, 20_000);
      expect(updatesOf(live.events, entryId)[1]).toMatchObject({ ticketId, entryId, kind: 'reply', visibility: 'public', change: 'delivery', actorId: 0 });
      expect((await messageOf(entryId))!.status).toBe('sent');
      expect(await deliveryOf(ticketId, entryId)).toMatchObject({ channel: 'email', status: 'sent' });
      await sleep(500);
      expect(updatesOf(live.events, entryId)).toHaveLength(2);
    } finally {
      live.stop();
    }
  }, 60_000);

  it('refused and given up: the last entry.updated says the reply failed; after a retry it is sent, live again', async () => {
    const { ticketId, live } = await emailTicket();
    try {
      sendgrid.failNext(1_000_000);
      const entryId = await reply(ticketId, 'This one will not get through.');
      // Recorded (sending), the attempt refused (sending, with the error), the job gave up (failed).
      await live.waitFor((e) => updatesOf(e, entryId).length >= 3, 20_000);
      expect((await messageOf(entryId))!.status).toBe('failed');
      expect(await deliveryOf(ticketId, entryId)).toMatchObject({ status: 'failed', error: expect.stringMatching(/\S/) });

      // An admin retries the failed job once SendGrid takes mail again: the same email goes out, live.
      sendgrid.failNext(0);
      const admin = await createUser(api.url, 'admin');
      const [row] = await sql<{ id: number }>("SELECT id FROM outbox_events WHERE topic = 'ticket.reply' AND JSON_EXTRACT(payload, '$.entryId') = ?", [entryId]);
      expect((await rest().post(`/failed-work/${row!.id}/retry`, {}, admin.token)).body).toMatchObject({ changed: true });
      await live.waitFor((e) => updatesOf(e, entryId).length >= 5, 20_000);
      expect((await messageOf(entryId))!.status).toBe('sent');
      expect(await deliveryOf(ticketId, entryId)).toMatchObject({ status: 'sent', error: null });
    } finally {
      live.stop();
    }
  }, 60_000);

  it('bounced (a DSN about the reply’s email): entry.updated, and the page then reads "bounced"', async () => {
    const { ticketId, customer, live } = await emailTicket();
    try {
      const entryId = await reply(ticketId, 'This address is gone, it seems.');
      await live.waitFor((e) => updatesOf(e, entryId).length >= 2, 20_000);
      const { messageId } = (await messageOf(entryId))!;
      const dsn = bounceReport({ recipient: customer, messageId, subject: 'Re: Where is my parcel?' });
      expect((await postInbound(api.url, rawForm(dsn, { envelope: { to: ['support@acme.test'], from: '' } }), { secret: SECRET })).status).toBe(200);
      await live.waitFor((e) => updatesOf(e, entryId).length >= 3, 20_000);
      expect(updatesOf(live.events, entryId).at(-1)).toMatchObject({ ticketId, entryId, change: 'delivery' });
      expect(await deliveryOf(ticketId, entryId)).toMatchObject({ status: 'bounced', error: expect.stringContaining('5.1.1') });
    } finally {
      live.stop();
    }
  }, 60_000);
});
