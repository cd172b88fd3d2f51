import { useApi } from '../support/api.js';
import { eventually, sql } from '../support/db.js';
import { restClient, uniqueEmail } from '../support/http.js';
import { postInbound, rawForm } from '../support/inbound-email.js';
import { bounceReport, newMessageId, simpleMail, type SimpleMail } from '../support/mime.js';
import { createCompany, createUser } from '../support/people.js';
import { eventWebhookKeys, type SentMail } from '../support/sendgrid-server.js';
import { PDF_MINIMAL, upload } from '../support/uploads.js';

const SECRET = 'inbound-secret-for-threading-1';
const API_KEY = 'SG.test-key-for-the-local-server';
const eventKeys = eventWebhookKeys();
const { api, sendgrid } = useApi({
  worker: true,
  sendgrid: { apiKey: API_KEY },
  env: {
    SENDGRID_INBOUND_SECRET: SECRET,
    SUPPORT_EMAIL: 'support@acme.test',
    SIGNING_SECRET: 'threading-signing-secret-0123456789',
    INBOUND_SPAM_SCORE: '5',
    EMAIL_AUTO_RATE_PER_HOUR: '3',
    SENDGRID_EVENT_PUBLIC_KEY: eventKeys.publicKey,
  },
});
let agent: Awaited<ReturnType<typeof createUser>>;
const rest = () => restClient(api.url);

beforeAll(async () => {
  agent = await createUser(api.url, 'agent', { name: 'Ana Agent' });
});

/** Posts a mail (raw mode) and waits until the worker finished with it. */
async function receive(mail: SimpleMail, extra: { spamScore?: number; envelopeTo?: string[] } = {}) {
  const { mime, messageId } = simpleMail(mail);
  const from = /<([^>]+)>/.exec(mail.from)?.[1] ?? mail.from;
  const to = extra.envelopeTo ?? [/<([^>]+)>/.exec(mail.to ?? '')?.[1] ?? mail.to ?? 'support@acme.test'];
  const res = await postInbound(api.url, rawForm(mime, { envelope: { to, from }, spamScore: extra.spamScore }), { secret: SECRET });
  expect(res.status).toBe(200);
  return eventually(async () => {
    const [row] = await sql<{ id: number; status: string; ticket_id: number | null; ticket_entry_id: number | null; route: string | null; route_reason: string | null; failure_reason: string | null }>(
      'SELECT * FROM inbound_emails WHERE message_id = ?',
      [messageId],
    );
    return row && !['received', 'processing'].includes(row.status) ? { ...row, messageId } : null;
  }, 15_000);
}

const sentTo = (address: string, predicate: (m: SentMail) => boolean = () => true) =>
  eventually(async () => sendgrid.sent.find((m) => m.body.personalizations[0]!.to[0]!.email === address && predicate(m)) ?? null, 15_000);

async function agentReply(ticketId: number, body: string, attachmentIds: number[] = []) {
  const res = await rest().post(`/tickets/${ticketId}/replies`, { body, attachmentIds }, agent.token);
  expect(res.status).toBe(200);
  return res.body as { id: number };
}

describe('email threading and SendGrid delivery', () => {
  it('acknowledges a new email ticket through SendGrid as automatic mail, and threads the staff reply into the customer’s conversation', async () => {
    const customer = uniqueEmail('thread');
    const first = await receive({ from: `Tom Thread <${customer}>`, cc: 'Cara Copy <cara@partner.test>', subject: 'VPN drops every hour', text: 'It drops.' });
    expect(first).toMatchObject({ status: 'processed', route: 'new' });
    const ticketId = first.ticket_id!;

    const ack = await sentTo(customer);
    expect(ack.authorization).toBe(`Bearer ${API_KEY}`);
    expect(ack.body.subject).toContain(`[#${ticketId}]`);
    expect(ack.body.headers).toMatchObject({ 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' });
    expect(ack.body.headers!['Message-ID']).toMatch(/^<outbox-\d+\.[0-9a-f]+@acme\.test>$/);

    const { body: [file] } = await upload(api.url, agent.token, [{ name: 'vpn-guide.pdf', type: 'application/pdf', content: PDF_MINIMAL }]);
    const entry = await agentReply(ticketId, 'Please update the VPN client to 5.2.', [file.id]);
    const reply = await sentTo(customer, (m) => m.body.content.some((c) => c.value.includes('update the VPN client')));
    expect(reply.body.subject).toBe(`[#${ticketId}] Re: VPN drops every hour`);
    expect(reply.body.headers!['Message-ID']).toBe(`<reply-${entry.id}.t${ticketId}@acme.test>`);
    expect(reply.body.headers!['In-Reply-To']).toBe(`<${first.messageId}>`);
    expect(reply.body.headers!.References).toContain(`<${first.messageId}>`);
    expect(reply.body.headers!['Auto-Submitted']).toBeUndefined();
    expect(reply.body.reply_to!.email).toMatch(new RegExp(`^support\\+${ticketId}-[0-9a-f]{16}@acme\\.test$`));
    expect(reply.body.personalizations[0]!.cc).toEqual([{ email: 'cara@partner.test' }]);
    expect(reply.body.attachments).toEqual([expect.objectContaining({ filename: 'vpn-guide.pdf', type: 'application/pdf', content: PDF_MINIMAL.toString('base64') })]);
    // SendGrid has it; the worker records its answer (sent, the X-Message-Id) right after: wait for that.
    const outbound = await eventually(async () => {
      const [row] = await sql<{ status: string; message_id: string; automatic: number; provider_message_id: string }>(
        'SELECT status, message_id, automatic, provider_message_id FROM outbound_messages WHERE message_id = ?',
        [`reply-${entry.id}.t${ticketId}@acme.test`],
      );
      return row?.status === 'sent' ? row : null;
    });
    expect(outbound).toMatchObject({ status: 'sent', automatic: 0, provider_message_id: expect.stringMatching(/^[0-9a-f]{16}$/) });

    // The customer answers in their mail client: In-Reply-To our Message-ID, nothing else to go by.
    const answer = await receive({ from: customer, subject: 'Re: VPN drops every hour', inReplyTo: `reply-${entry.id}.t${ticketId}@acme.test`, text: 'Updated, still drops.\n\nOn Sun, Ana wrote:\n> Please update the VPN client to 5.2.' });
    expect(answer).toMatchObject({ status: 'processed', route: 'in_reply_to', ticket_id: ticketId });
    const [stored] = await sql<{ body: string; kind: string }>('SELECT body, kind FROM ticket_entries WHERE id = ?', [answer.ticket_entry_id]);
    expect(stored).toEqual({ body: 'Updated, still drops.', kind: 'message' });

    // By References only (a client that drops In-Reply-To).
    const byRefs = await receive({ from: customer, subject: 'VPN again', references: `<${newMessageId()}> <${first.messageId}>`, text: 'more' });
    expect(byRefs).toMatchObject({ route: 'references', ticket_id: ticketId });

    // By the signed plus-address, whatever the subject.
    const byToken = await receive({ from: customer, to: reply.body.reply_to!.email, subject: 'totally different', text: 'via reply-to' });
    expect(byToken).toMatchObject({ route: 'plus_address', ticket_id: ticketId });

    // A forged token is not honoured.
    const forged = await receive({ from: customer, to: `support+${ticketId}-0000000000000000@acme.test`, subject: 'forged thing', text: 'x' });
    expect(forged.route).not.toBe('plus_address');
    expect(forged.ticket_id).not.toBe(ticketId);

    // Agents see why each entry landed where it did.
    const routes = await rest().get(`/tickets/${ticketId}/email-routes`, agent.token);
    expect(routes.status).toBe(200);
    expect(routes.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ entryId: answer.ticket_entry_id, route: 'in_reply_to', reason: 'matched by the In-Reply-To header' }),
        expect.objectContaining({ entryId: byToken.ticket_entry_id, route: 'plus_address' }),
      ]),
    );
    const customerUser = await sql<{ id: number }>('SELECT id FROM users WHERE email = ?', [customer]);
    expect(customerUser).toHaveLength(1);
    // Route reasons name senders and references: customers never get them.
    const someCustomer = await createUser(api.url, 'customer');
    expect((await rest().get(`/tickets/${ticketId}/email-routes`, someCustomer.token)).status).toBe(403);
  });

  it('honours [#n] in the subject for the requester, a CC’d participant and a colleague, but gives a stranger their own ticket', async () => {
    const domain = `${Math.random().toString(36).slice(2, 8)}.example.test`;
    await createCompany(`Co ${domain}`, domain);
    const requester = `req@${domain}`;
    const first = await receive({ from: requester, cc: 'helper@friends.test', subject: 'Invoice missing', text: 'Where is it?' });
    const id = first.ticket_id!;

    const own = await receive({ from: requester, subject: `Re: [#${id}] anything`, text: 'me again' });
    expect(own).toMatchObject({ route: 'subject_token', ticket_id: id });

    const cc = await receive({ from: 'Helper <helper@friends.test>', subject: `[#${id}] adding info`, text: 'from the CC' });
    expect(cc).toMatchObject({ route: 'subject_token', ticket_id: id });
    expect(cc.route_reason).toContain('copied');
    const [ccEntry] = await sql<{ kind: string; author_email: string }>(
      'SELECT e.kind, u.email AS author_email FROM ticket_entries e JOIN users u ON u.id = e.author_id WHERE e.id = ?',
      [cc.ticket_entry_id],
    );
    expect(ccEntry).toEqual({ kind: 'message', author_email: 'helper@friends.test' });

    const colleague = await receive({ from: `boss@${domain}`, subject: `[Ticket #${id}] escalate`, text: 'from the company' });
    expect(colleague).toMatchObject({ route: 'subject_token', ticket_id: id });

    const stranger = await receive({ from: uniqueEmail('stranger'), subject: `[#${id}] let me see`, text: 'I guessed a number' });
    expect(stranger.ticket_id).not.toBe(id);
    expect(stranger.route_reason).toContain(`not a participant of #${id}`);
    // Nothing was added to the ticket by the stranger.
    const authors = await sql<{ email: string }>(
      "SELECT DISTINCT u.email FROM ticket_entries e JOIN users u ON u.id = e.author_id WHERE e.ticket_id = ? AND e.kind = 'message'",
      [id],
    );
    expect(authors.map((a) => a.email).sort()).toEqual([`boss@${domain}`, 'helper@friends.test', requester].sort());
  });

  it('falls back to sender + normalized subject for one open ticket, and reopens a resolved ticket', async () => {
    const customer = uniqueEmail('fallback');
    const first = await receive({ from: customer, subject: 'Printer jam', text: 'jammed' });
    const fallback = await receive({ from: customer, subject: 'RE: Fwd: printer   JAM', text: 'still jammed' });
    expect(fallback).toMatchObject({ route: 'subject_fallback', ticket_id: first.ticket_id });

    const [ticket] = await sql<{ version: number }>('SELECT version FROM tickets WHERE id = ?', [first.ticket_id]);
    const resolved = await rest().patch(`/tickets/${first.ticket_id}`, { status: 'resolved', version: ticket!.version }, agent.token);
    expect(resolved.status).toBe(200);
    const reopen = await receive({ from: customer, subject: `Re: [#${first.ticket_id}] Printer jam`, text: 'it is back' });
    expect(reopen).toMatchObject({ route: 'subject_token', ticket_id: first.ticket_id });
    expect(reopen.route_reason).toContain('reopened');
    const [after] = await sql<{ status: string }>('SELECT status FROM tickets WHERE id = ?', [first.ticket_id]);
    expect(after!.status).toBe('open');
  });

  it('never acknowledges an auto-reply, links a bounce to the message it reports, and ignores our own mail and spam', async () => {
    const robot = uniqueEmail('vacation');
    const auto = await receive({ from: robot, subject: 'Out of office', text: 'I am away', headers: ['Auto-Submitted: auto-replied', 'X-Autoreply: yes'] });
    expect(auto.status).toBe('processed');
    expect(auto.route_reason).toContain('no acknowledgement');
    const held = await eventually(async () => {
      const [row] = await sql<{ status: string; message_id: string }>('SELECT status, message_id FROM outbound_messages WHERE recipient = ?', [robot]);
      return row ?? null;
    });
    expect(held.status).toBe('suppressed');
    await new Promise((r) => setTimeout(r, 300));
    expect(sendgrid.sent.filter((m) => m.body.personalizations[0]!.to[0]!.email === robot)).toHaveLength(0);

    // A bounce of an acknowledgement we sent.
    const victim = uniqueEmail('bouncy');
    const created = await receive({ from: victim, subject: 'Will bounce', text: 'x' });
    const ack = await sentTo(victim);
    const ackId = ack.body.headers!['Message-ID']!.slice(1, -1);
    const dsn = bounceReport({ recipient: victim, messageId: ackId, subject: 'We received your request' });
    const before = await sql<{ n: number }>('SELECT COUNT(*) AS n FROM tickets');
    await postInbound(api.url, rawForm(dsn, { envelope: { to: ['support@acme.test'], from: '' } }), { secret: SECRET });
    const bounced = await eventually(async () => {
      const [row] = await sql<{ status: string; delivery_error: string }>('SELECT status, delivery_error FROM outbound_messages WHERE message_id = ?', [ackId]);
      return row?.status === 'bounced' ? row : null;
    });
    // The DSN's diagnostic is a delivery error (the recipient's side), not a send error (decision 029).
    expect(bounced.delivery_error).toContain('5.1.1');
    const [bounceRow] = await sql<{ route: string; ticket_id: number }>("SELECT route, ticket_id FROM inbound_emails WHERE route = 'bounce' ORDER BY id DESC LIMIT 1");
    expect(bounceRow).toEqual({ route: 'bounce', ticket_id: created.ticket_id });
    const after = await sql<{ n: number }>('SELECT COUNT(*) AS n FROM tickets');
    expect(Number(after[0]!.n)).toBe(Number(before[0]!.n));

    const own = await receive({ from: 'Support <support@acme.test>', subject: 'Loop?', text: 'x' });
    expect(own).toMatchObject({ status: 'ignored', ticket_id: null });
    const ownPlus = await receive({ from: 'support+12-abc@acme.test', subject: 'Loop?', text: 'x' });
    expect(ownPlus.status).toBe('ignored');

    const spam = await receive({ from: uniqueEmail('spammer'), subject: 'Cheap pills', text: 'buy' }, { spamScore: 9.5 });
    expect(spam).toMatchObject({ status: 'spam', ticket_id: null });
    expect(spam.failure_reason).toContain('9.5');
    // An admin says it is not spam: it is processed like any other mail.
    const admin = await createUser(api.url, 'admin');
    expect((await rest().post(`/email/inbound/${spam.id}/retry`, {}, admin.token)).status).toBe(200);
    const released = await eventually(async () => {
      const [r] = await sql<{ status: string; ticket_id: number | null; released: number }>('SELECT status, ticket_id, released FROM inbound_emails WHERE id = ?', [spam.id]);
      return r?.status === 'processed' ? r : null;
    });
    expect(released).toMatchObject({ released: 1, ticket_id: expect.any(Number) });
  });

  it('retries a SendGrid outage with backoff and rate-limits automatic mail per recipient', async () => {
    const customer = uniqueEmail('retry');
    const first = await receive({ from: customer, subject: 'Retry me', text: 'x' });
    await sentTo(customer);
    sendgrid.failNext(2);
    const entry = await agentReply(first.ticket_id!, 'Answer that survives an outage');
    const reply = await sentTo(customer, (m) => m.body.content.some((c) => c.value.includes('survives an outage')));
    expect(reply.body.headers!['Message-ID']).toBe(`<reply-${entry.id}.t${first.ticket_id}@acme.test>`);
    expect(sendgrid.rejected.filter((r) => r.status === 500).length).toBeGreaterThanOrEqual(2);
    // The worker marks the row done after SendGrid answered and the message is recorded: wait for it, not race it.
    const outbox = await eventually(async () => {
      const [row] = await sql<{ status: string; attempts: number }>(
        "SELECT status, attempts FROM outbox_events WHERE topic = 'ticket.reply' AND JSON_EXTRACT(payload, '$.entryId') = ?",
        [entry.id],
      );
      return row?.status === 'done' ? row : null;
    });
    expect(outbox).toMatchObject({ status: 'done' });
    expect(Number(outbox!.attempts)).toBeGreaterThanOrEqual(2);

    // EMAIL_AUTO_RATE_PER_HOUR=3: the fourth acknowledgement in an hour to one address is held.
    const busy = uniqueEmail('busy');
    for (let i = 0; i < 4; i++) await receive({ from: busy, subject: `Question number ${i} ${Math.random()}`, text: 'x' });
    const rows = await eventually(async () => {
      const r = await sql<{ status: string }>('SELECT status FROM outbound_messages WHERE recipient = ? ORDER BY id', [busy]);
      return r.length === 4 && !r.some((m) => m.status === 'sending') ? r : null;
    });
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'rate_limited']);
  });

  it('Event Webhook: verifies the signature, records each event once and moves the sent message forward', async () => {
    const customer = uniqueEmail('events');
    await receive({ from: customer, subject: 'Track my mail', text: 'x' });
    await sentTo(customer);
    const [ack] = await eventually(async () => {
      const rows = await sql<{ id: number; provider_message_id: string }>("SELECT id, provider_message_id FROM outbound_messages WHERE recipient = ? AND status = 'sent'", [customer]);
      return rows.length ? rows : null;
    });
    const post = (events: unknown[], sign: 'valid' | 'tampered' | 'none' = 'valid') => {
      const body = JSON.stringify(events);
      const timestamp = String(Math.floor(Date.now() / 1000));
      const signature = eventKeys.sign(timestamp, body);
      return fetch(`${api.url}/webhooks/sendgrid/events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(sign === 'none' ? {} : { 'X-Twilio-Email-Event-Webhook-Signature': signature, 'X-Twilio-Email-Event-Webhook-Timestamp': timestamp }),
        },
        body: sign === 'tampered' ? body.replace('delivered', 'bounce') : body,
      });
    };
    const event = (name: string, id: string, extra: Record<string, unknown> = {}) => ({
      email: customer,
      timestamp: Math.floor(Date.now() / 1000),
      event: name,
      sg_event_id: id,
      sg_message_id: `${ack!.provider_message_id}.filterdrecv-1234-1`,
      ...extra,
    });
    const ids = [1, 2, 3, 4].map((i) => `ev-${customer}-${i}`);

    expect((await post([event('delivered', ids[0]!)], 'none')).status).toBe(401);
    expect((await post([event('delivered', ids[0]!)], 'tampered')).status).toBe(401);
    expect(await sql('SELECT 1 FROM email_delivery_events WHERE sg_event_id = ?', [ids[0]])).toHaveLength(0);

    const res = await post([event('processed', ids[0]!), event('delivered', ids[1]!)]);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ recorded: 2, duplicates: 0, unknown: 0 });
    // A late "processed" and a re-sent "delivered" change nothing.
    const again = await post([event('delivered', ids[1]!), event('processed', ids[2]!)]);
    expect(await again.json()).toEqual({ recorded: 1, duplicates: 1, unknown: 0 });
    let [row] = await sql<{ delivery_status: string; status: string }>('SELECT delivery_status, status FROM outbound_messages WHERE id = ?', [ack!.id]);
    expect(row).toEqual({ delivery_status: 'delivered', status: 'sent' });

    await post([event('bounce', ids[3]!, { reason: '550 5.1.1 mailbox unavailable' })]);
    [row] = await sql<{ delivery_status: string; status: string }>('SELECT delivery_status, status FROM outbound_messages WHERE id = ?', [ack!.id]);
    expect(row).toEqual({ delivery_status: 'bounced', status: 'bounced' });
    const admin = await createUser(api.url, 'admin');
    const outbox = await rest().get('/outbox?pageSize=100', admin.token);
    expect(outbox.body.items.find((m: { id: number }) => m.id === Number(ack!.id))).toMatchObject({ deliveryStatus: 'bounced' });
  });
});
