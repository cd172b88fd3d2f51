import { useApi } from '../support/api.js';
import { eventually, sql } from '../support/db.js';
import { restClient, uniqueEmail } from '../support/http.js';
import { liveClientFor, record } from '../support/live.js';
import { postInbound, rawForm } from '../support/inbound-email.js';
import { simpleMail, type SimpleMail } from '../support/mime.js';
import { createCompany, createUser } from '../support/people.js';
import { eventWebhookKeys, type SentMail } from '../support/sendgrid-server.js';

const SECRET = 'inbound-secret-for-outbound-1';
const API_KEY = 'SG.test-key-outbound';
const eventKeys = eventWebhookKeys();
const { api, sendgrid } = useApi({
  worker: true,
  sendgrid: { apiKey: API_KEY },
  env: {
    SENDGRID_INBOUND_SECRET: SECRET,
    SUPPORT_EMAIL: 'support@acme.test',
    SIGNING_SECRET: 'outbound-signing-secret-0123456789',
    SENDGRID_EVENT_PUBLIC_KEY: eventKeys.publicKey,
  },
});
let agent: Awaited<ReturnType<typeof createUser>>;
let admin: Awaited<ReturnType<typeof createUser>>;
const rest = () => restClient(api.url);

beforeAll(async () => {
  agent = await createUser(api.url, 'agent', { name: 'Ana Agent' });
  admin = await createUser(api.url, 'admin');
});

async function receive(mail: SimpleMail, envelopeTo: string) {
  const { mime, messageId } = simpleMail(mail);
  const from = /<([^>]+)>/.exec(mail.from)?.[1] ?? mail.from;
  const res = await postInbound(api.url, rawForm(mime, { envelope: { to: [envelopeTo], from } }), { secret: SECRET });
  expect(res.status).toBe(200);
  return eventually(async () => {
    const [row] = await sql<{ status: string; ticket_id: number | null; ticket_entry_id: number | null; route: string | null; route_reason: string | null; failure_reason: string | null }>(
      'SELECT * FROM inbound_emails WHERE message_id = ?',
      [messageId],
    );
    return row && !['received', 'processing'].includes(row.status) ? row : null;
  }, 15_000);
}

const sentTo = (address: string, predicate: (m: SentMail) => boolean = () => true) =>
  eventually(async () => sendgrid.sent.find((m) => m.body.personalizations[0]!.to[0]!.email === address && predicate(m)) ?? null, 15_000);

describe('per-company support addresses', () => {
  it('admins configure them; bad input is refused naming the field', async () => {
    const bad = await rest().post('/email/addresses', { address: 'not-an-address' }, admin.token);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('address');
    const plus = await rest().post('/email/addresses', { address: 'help+x@brand.test' }, admin.token);
    expect(plus.status).toBe(400);
    const taken = await rest().post('/email/addresses', { address: 'Support@acme.test' }, admin.token);
    expect(taken.status).toBe(409);
    expect(taken.body.message).toMatch(/^address:/);
    const missingCompany = await rest().post('/email/addresses', { address: 'x@brand.test', companyId: 2_000_000 }, admin.token);
    expect(missingCompany.status).toBe(404);
    expect(missingCompany.body.message).toMatch(/^companyId:/);
    expect((await rest().get('/email/addresses', agent.token)).status).toBe(403);
  });

  it('mail to a company’s address links its ticket there; acknowledgement and replies go out From it with a Reply-To plus-address of it', async () => {
    const companyId = await createCompany('Brandy Ltd');
    const saved = await rest().post('/email/addresses', { address: 'Help@Brandy.test', displayName: 'Brandy Help', companyId }, admin.token);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ address: 'help@brandy.test', displayName: 'Brandy Help', companyId, companyName: 'Brandy Ltd' });
    const list = await rest().get('/email/addresses', admin.token);
    expect(list.body.defaultAddress).toBe('support@acme.test');
    expect(list.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: saved.body.id, address: 'help@brandy.test' })]));
    // A company's own acknowledgement template applies to tickets that came to its address.
    const template = await rest().raw(
      'PUT',
      '/api/v1/email/templates',
      admin.token,
      { companyId, kind: 'acknowledgement', enabled: true, subject: '[#{{ ticket.id }}] {{ company.name }} got it', text: 'Thanks from {{ company.name }}', html: null },
    );
    expect(template.status).toBe(200);

    const customer = uniqueEmail('brandy');
    const first = await receive({ from: `Bea Brandy <${customer}>`, to: 'Brandy Help <help@brandy.test>', subject: 'Order missing', text: 'Where is it?' }, 'help@brandy.test');
    expect(first).toMatchObject({ status: 'processed', route: 'new' });
    expect(first.route_reason).toContain('sent to help@brandy.test');
    const ticketId = first.ticket_id!;
    expect(await sql('SELECT support_address_id FROM email_ticket_addresses WHERE ticket_id = ?', [ticketId])).toEqual([{ support_address_id: saved.body.id }]);

    const ack = await sentTo(customer);
    expect(ack.body.from).toEqual({ email: 'help@brandy.test', name: 'Brandy Help' });
    expect(ack.body.subject).toBe(`[#${ticketId}] Brandy Ltd got it`);
    expect(ack.body.headers!['Message-ID']).toMatch(/@brandy\.test>$/);

    const reply = await rest().post(`/tickets/${ticketId}/replies`, { body: 'It ships Monday.' }, agent.token);
    expect(reply.status).toBe(200);
    const sent = await sentTo(customer, (m) => m.body.content.some((c) => c.value.includes('ships Monday')));
    expect(sent.body.from).toEqual({ email: 'help@brandy.test', name: 'Ana Agent (Brandy Help)' });
    expect(sent.body.reply_to!.email).toMatch(new RegExp(`^help\\+${ticketId}-[0-9a-f]{16}@brandy\\.test$`));
    expect(sent.body.headers!['Message-ID']).toBe(`<reply-${reply.body.id}.t${ticketId}@brandy.test>`);

    // The customer answers to the plus-address of the brand's address: same ticket.
    const answer = await receive({ from: customer, to: sent.body.reply_to!.email, subject: 'something else', text: 'Thanks' }, sent.body.reply_to!.email);
    expect(answer).toMatchObject({ route: 'plus_address', ticket_id: ticketId });
    // Mail from the brand's own address is ours: ignored, never a ticket (loop protection).
    const own = await receive({ from: 'help@brandy.test', subject: 'Echo', text: 'x' }, 'help@brandy.test');
    expect(own).toMatchObject({ status: 'ignored', ticket_id: null });

    // Tickets that came to SUPPORT_EMAIL keep answering from it.
    const other = uniqueEmail('plain');
    await receive({ from: other, subject: 'Plain', text: 'x' }, 'support@acme.test');
    expect((await sentTo(other)).body.from.email).toBe('support@acme.test');
  });
});

describe('delivery events on the timeline', () => {
  it('shows staff what SendGrid reported about an emailed reply under that reply, and customers nothing', async () => {
    const customer = await createUser(api.url, 'customer');
    const first = await receive({ from: customer.email, subject: 'Track the reply', text: 'x' }, 'support@acme.test');
    const ticketId = first.ticket_id!;
    const reply = await rest().post(`/tickets/${ticketId}/replies`, { body: 'Tracked answer' }, agent.token);
    await sentTo(customer.email, (m) => m.body.content.some((c) => c.value.includes('Tracked answer')));
    const [outbound] = await eventually(async () => {
      const rows = await sql<{ provider_message_id: string | null }>("SELECT provider_message_id FROM outbound_messages WHERE ticket_entry_id = ? AND status = 'sent'", [reply.body.id]);
      return rows.length ? rows : null;
    });

    const now = Math.floor(Date.now() / 1000);
    const events = ['processed', 'delivered', 'open'].map((event, i) => ({
      email: customer.email,
      timestamp: now + i,
      event,
      sg_event_id: `tl-${reply.body.id}-${event}`,
      sg_message_id: `${outbound!.provider_message_id}.filterdrecv-1`,
    }));
    const body = JSON.stringify(events);
    const timestamp = String(now);
    const signature = eventKeys.sign(timestamp, body);
    // An agent with the ticket open hears that the reply's entry changed (entry.updated), without reloading.
    const live = record<{ type: string; entryId?: number; change?: string }>((h) =>
      liveClientFor(api.url, agent.token).live.ticket.subscribe({ ticketId, lastEventId: `${Date.now()}-0` }, h),
    );
    await live.started;
    const posted = await fetch(`${api.url}/webhooks/sendgrid/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Twilio-Email-Event-Webhook-Signature': signature, 'X-Twilio-Email-Event-Webhook-Timestamp': timestamp },
      body,
    });
    expect(posted.status).toBe(200);
    await live.waitFor((e) => e.some((x) => x.type === 'entry.updated' && x.entryId === reply.body.id && x.change === 'delivery')).finally(() => live.stop());

    const timeline = await rest().get(`/tickets/${ticketId}/timeline`, agent.token);
    const entry = timeline.body.entries.find((e: { id: number }) => e.id === reply.body.id);
    expect(entry.delivery).toMatchObject({ channel: 'email', recipient: customer.email, status: 'opened' });
    expect(entry.delivery.events.map((e: { event: string }) => e.event)).toEqual(['processed', 'delivered', 'open']);

    // A bounce afterwards is what staff see, with its reason.
    const bounce = JSON.stringify([{ email: customer.email, timestamp: now + 5, event: 'bounce', reason: '550 mailbox full', sg_event_id: `tl-${reply.body.id}-bounce`, sg_message_id: `${outbound!.provider_message_id}.x` }]);
    const bounceSig = eventKeys.sign(timestamp, bounce);
    await fetch(`${api.url}/webhooks/sendgrid/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Twilio-Email-Event-Webhook-Signature': bounceSig, 'X-Twilio-Email-Event-Webhook-Timestamp': timestamp },
      body: bounce,
    });
    const after = (await rest().get(`/tickets/${ticketId}/timeline`, agent.token)).body.entries.find((e: { id: number }) => e.id === reply.body.id);
    expect(after.delivery).toMatchObject({ status: 'bounced', error: '550 mailbox full' });
    expect(after.delivery.events.at(-1)).toMatchObject({ event: 'bounce', reason: '550 mailbox full' });

    const customerView = (await rest().get(`/tickets/${ticketId}/timeline`, customer.token)).body.entries.find((e: { id: number }) => e.id === reply.body.id);
    expect(customerView.delivery ?? null).toBeNull();
  });
});
