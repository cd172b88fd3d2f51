import { useApi } from '../support/api.js';
import { eventually, sql } from '../support/db.js';
import { restClient, uniqueEmail } from '../support/http.js';
import { postInbound, rawForm, parsedForm } from '../support/inbound-email.js';
import { newMessageId, simpleMail } from '../support/mime.js';
import { createCompany, createUser } from '../support/people.js';

const SECRET = 'inbound-secret-for-tests-0123';
const { api, workers } = useApi({ worker: true, env: { SENDGRID_INBOUND_SECRET: SECRET, SUPPORT_EMAIL: 'support@acme.test', INBOUND_RATE_PER_HOUR: '4' } });

const inboundRow = (messageId: string) =>
  eventually(async () => {
    const [row] = await sql<{ id: number; status: string; ticket_id: number | null; ticket_entry_id: number | null; route: string; route_reason: string; failure_reason: string | null }>(
      'SELECT * FROM inbound_emails WHERE message_id = ?',
      [messageId],
    );
    return row && !['received', 'processing'].includes(row.status) ? row : null;
  }, 15_000);

describe('POST /webhooks/sendgrid/inbound', () => {
  it('refuses a post without the configured secret with 401 and stores nothing', async () => {
    const { mime, messageId } = simpleMail({ from: uniqueEmail('intruder'), subject: 'Let me in' });
    const before = await sql<{ n: number }>('SELECT COUNT(*) AS n FROM inbound_emails');
    expect((await postInbound(api.url, rawForm(mime), { secret: SECRET, auth: 'none' })).status).toBe(401);
    expect((await postInbound(api.url, rawForm(mime), { secret: 'wrong-secret-wrong-secret' })).status).toBe(401);
    expect((await postInbound(api.url, rawForm(mime), { secret: 'wrong-secret-wrong-secret', auth: 'path' })).status).toBe(401);
    const after = await sql<{ n: number }>('SELECT COUNT(*) AS n FROM inbound_emails');
    expect(Number(after[0]!.n)).toBe(Number(before[0]!.n));
    expect(await sql('SELECT id FROM inbound_emails WHERE message_id = ?', [messageId])).toHaveLength(0);
  });

  it('raw mode: stores, answers 200, and makes a ticket for a new sender linked to their company by domain, with the CCs recorded', async () => {
    const domain = `${Math.random().toString(36).slice(2, 8)}.example.test`;
    const companyId = await createCompany(`Company ${domain}`, domain);
    const sender = `new.person@${domain}`;
    const { mime, messageId } = simpleMail({
      from: `Nina Newcomer <${sender}>`,
      cc: 'Colleague <colleague@elsewhere.test>, Support <support@acme.test>',
      subject: 'The printer prints nothing',
      text: 'Since this morning the printer on floor 2 prints blank pages.',
    });
    const res = await postInbound(api.url, rawForm(mime), { secret: SECRET });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ duplicate: false });

    const row = await inboundRow(messageId);
    expect(row).toMatchObject({ status: 'processed', route: 'new' });
    const [ticket] = await sql<{ subject: string; channel: string; requester_id: number; company_id: number; description: string }>(
      'SELECT * FROM tickets WHERE id = ?',
      [row.ticket_id],
    );
    expect(ticket).toMatchObject({ subject: 'The printer prints nothing', channel: 'email', company_id: companyId });
    const [user] = await sql<{ email: string; name: string; role: string; company_id: number; password_hash: string | null }>(
      'SELECT * FROM users WHERE id = ?',
      [ticket!.requester_id],
    );
    expect(user).toMatchObject({ email: sender, name: 'Nina Newcomer', role: 'customer', company_id: companyId, password_hash: null });
    const entries = await sql<{ id: number; kind: string; body: string; channel: string; author_id: number }>(
      "SELECT * FROM ticket_entries WHERE ticket_id = ? AND kind <> 'event' ORDER BY id",
      [row.ticket_id],
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ id: row.ticket_entry_id, kind: 'message', channel: 'email', author_id: ticket!.requester_id });
    expect(entries[0]!.body).toContain('prints blank pages');
    const cc = await sql<{ email: string }>('SELECT email FROM ticket_email_participants WHERE ticket_id = ?', [row.ticket_id]);
    expect(cc.map((c) => c.email)).toEqual(['colleague@elsewhere.test']);
  });

  it('a re-post of the same Message-ID (raw or parsed) changes nothing', async () => {
    const sender = uniqueEmail('twice');
    const { mime, messageId } = simpleMail({ from: sender, subject: 'Posted twice', text: 'Only once please' });
    expect((await postInbound(api.url, rawForm(mime), { secret: SECRET })).body.duplicate).toBe(false);
    const row = await inboundRow(messageId);
    const again = await postInbound(api.url, rawForm(mime), { secret: SECRET, auth: 'path' });
    expect(again).toMatchObject({ status: 200, body: { id: row.id, duplicate: true } });
    const parsedAgain = await postInbound(api.url, await parsedForm(mime), { secret: SECRET });
    expect(parsedAgain).toMatchObject({ status: 200, body: { id: row.id, duplicate: true } });
    await new Promise((r) => setTimeout(r, 500));
    const tickets = await sql('SELECT t.id FROM tickets t JOIN users u ON u.id = t.requester_id WHERE u.email = ?', [sender]);
    expect(tickets).toHaveLength(1);
    expect(await sql('SELECT id FROM inbound_emails WHERE message_id = ?', [messageId])).toHaveLength(1);
  });

  it('parsed mode with a path token makes the same kind of ticket', async () => {
    const sender = uniqueEmail('parsed');
    const { mime, messageId } = simpleMail({ from: `Pat Parsed <${sender}>`, subject: 'Parsed mode works', text: 'Body in parsed mode' });
    expect((await postInbound(api.url, await parsedForm(mime), { secret: SECRET, auth: 'path' })).status).toBe(200);
    const row = await inboundRow(messageId);
    expect(row.status).toBe('processed');
    const [entry] = await sql<{ body: string }>('SELECT body FROM ticket_entries WHERE id = ?', [row.ticket_entry_id]);
    expect(entry!.body).toBe('Body in parsed mode');
    const [ticket] = await sql<{ subject: string }>('SELECT subject FROM tickets WHERE id = ?', [row.ticket_id]);
    expect(ticket!.subject).toBe('Parsed mode works');
  });

  it('keeps a message that cannot be parsed as failed with the reason, lists it for admins and retries it on request', async () => {
    const messageId = newMessageId();
    // A header block with no From at all: parseable as MIME, but nobody to answer.
    const mime = Buffer.from(`Message-ID: <${messageId}>\r\nSubject: who am I\r\n\r\nbody\r\n`);
    expect((await postInbound(api.url, rawForm(mime, { envelope: { to: ['support@acme.test'], from: '' } }), { secret: SECRET })).status).toBe(200);
    const row = await inboundRow(messageId);
    expect(row.status).toBe('failed');
    expect(row.failure_reason).toMatch(/no From address/);

    const admin = await createUser(api.url, 'admin');
    const agent = await createUser(api.url, 'agent');
    const rest = restClient(api.url);
    const list = await rest.get('/email/inbound?status=failed', admin.token);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: number }) => i.id)).toContain(row.id);
    expect(list.body.items.find((i: { id: number }) => i.id === row.id)).toMatchObject({ status: 'failed', failureReason: expect.stringMatching(/From/) });
    expect((await rest.get('/email/inbound?status=failed', agent.token)).status).toBe(403);
    expect((await rest.post(`/email/inbound/${row.id}/retry`, {}, agent.token)).status).toBe(403);

    const retried = await rest.post(`/email/inbound/${row.id}/retry`, {}, admin.token);
    expect(retried.status).toBe(200);
    const again = await eventually(async () => {
      const [r] = await sql<{ status: string; attempts: number }>('SELECT status, attempts FROM inbound_emails WHERE id = ?', [row.id]);
      return r && r.status === 'failed' && Number(r.attempts) === 2 ? r : null;
    });
    expect(again.status).toBe('failed');
    // A processed message is not retryable: 409 naming the field.
    const processed = await sql<{ id: number }>("SELECT id FROM inbound_emails WHERE status = 'processed' LIMIT 1");
    const refused = await rest.post(`/email/inbound/${processed[0]!.id}/retry`, {}, admin.token);
    expect(refused.status).toBe(409);
  });

  it('crash test: a message stored while the worker is down is processed exactly once when it comes back', async () => {
    await workers.stop();
    const sender = uniqueEmail('crash');
    const { mime, messageId } = simpleMail({ from: sender, subject: 'Stored while the worker was down', text: 'Still here?' });
    expect((await postInbound(api.url, rawForm(mime), { secret: SECRET })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    const [stored] = await sql<{ status: string }>('SELECT status FROM inbound_emails WHERE message_id = ?', [messageId]);
    expect(stored!.status).toBe('received');

    await workers.start();
    const row = await inboundRow(messageId);
    expect(row.status).toBe('processed');
    await new Promise((r) => setTimeout(r, 500));
    expect(await sql('SELECT t.id FROM tickets t JOIN users u ON u.id = t.requester_id WHERE u.email = ?', [sender])).toHaveLength(1);
  });

  it('crash test: a worker that died after the ticket was committed but before the bookkeeping does not make a second ticket', async () => {
    const sender = uniqueEmail('half');
    const { mime, messageId } = simpleMail({ from: sender, subject: 'Half done', text: 'Applied once' });
    expect((await postInbound(api.url, rawForm(mime), { secret: SECRET })).status).toBe(200);
    const row = await inboundRow(messageId);
    expect(row.status).toBe('processed');
    await workers.stop();
    // What a worker killed between the command's commit and the bookkeeping leaves behind.
    await sql(
      "UPDATE inbound_emails SET status = 'processing', claimed_at = NOW(3) - INTERVAL 10 MINUTE, ticket_id = NULL, ticket_entry_id = NULL, route = NULL WHERE id = ?",
      [row.id],
    );
    await sql('DELETE FROM email_message_ids WHERE message_id = ?', [messageId]);

    await workers.start();
    const recovered = await inboundRow(messageId);
    expect(recovered).toMatchObject({ status: 'processed', route: 'recovered', ticket_id: row.ticket_id });
    expect(await sql('SELECT t.id FROM tickets t JOIN users u ON u.id = t.requester_id WHERE u.email = ?', [sender])).toHaveLength(1);
  });

  it('holds a sender’s mail beyond INBOUND_RATE_PER_HOUR (loop protection), keeping it as ignored with the reason', async () => {
    const sender = uniqueEmail('loop');
    const rows = [];
    for (let i = 0; i < 6; i++) {
      const { mime, messageId } = simpleMail({ from: sender, subject: `Loop ${i} ${Math.random()}`, text: `message ${i}` });
      expect((await postInbound(api.url, rawForm(mime), { secret: SECRET })).status).toBe(200);
      rows.push(await inboundRow(messageId));
    }
    expect(rows.map((r) => r.status)).toEqual(['processed', 'processed', 'processed', 'processed', 'ignored', 'ignored']);
    expect(rows[4]!.failure_reason).toContain('loop protection');
    expect(await sql('SELECT t.id FROM tickets t JOIN users u ON u.id = t.requester_id WHERE u.email = ?', [sender])).toHaveLength(4);
  });

  it('acknowledges with the company’s own template (liquid), sends none where it is turned off, and refuses a broken template naming the field', async () => {
    const admin = await createUser(api.url, 'admin');
    const agent = await createUser(api.url, 'agent');
    const rest = restClient(api.url);
    const domainA = `${Math.random().toString(36).slice(2, 8)}.example.test`;
    const domainB = `${Math.random().toString(36).slice(2, 8)}.example.test`;
    const companyA = await createCompany(`Alpha ${domainA}`, domainA);
    const companyB = await createCompany(`Beta ${domainB}`, domainB);

    const defaults = await rest.get(`/email/templates?companyId=${companyA}&kind=acknowledgement`, admin.token);
    expect(defaults.status).toBe(200);
    expect(defaults.body).toMatchObject({ companyId: companyA, enabled: true, custom: false, subject: expect.stringContaining('{{ ticket.id }}') });
    expect((await rest.get('/email/templates', agent.token)).status).toBe(403);

    const broken = await rest.raw('PUT', '/api/v1/email/templates', admin.token, { companyId: companyA, kind: 'acknowledgement', enabled: true, subject: 'ok', text: 'Hi {{ requester.name ', html: null });
    expect(broken.status).toBe(400);
    expect(JSON.stringify(broken.body)).toContain('text');

    const saved = await rest.raw('PUT', '/api/v1/email/templates', admin.token, {
      companyId: companyA,
      kind: 'acknowledgement',
      enabled: true,
      subject: '[#{{ ticket.id }}] {{ company.name }} got it: {{ ticket.subject }}',
      text: 'Dear {{ requester.name | upcase }}, ticket {{ ticket.id }} is ours now.',
      html: '<p>Dear {{ requester.name }}</p>',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ custom: true, enabled: true });
    expect((await rest.raw('PUT', '/api/v1/email/templates', admin.token, { companyId: companyB, kind: 'acknowledgement', enabled: false, subject: 'x', text: 'x', html: null })).status).toBe(200);

    const fromA = `ann@${domainA}`;
    const { mime: mimeA, messageId: idA } = simpleMail({ from: `Ann <${fromA}>`, subject: 'Alpha question', text: 'x' });
    await postInbound(api.url, rawForm(mimeA), { secret: SECRET });
    const rowA = await inboundRow(idA);
    const ackA = await eventually(async () => {
      const [m] = await sql<{ subject: string; body: string }>('SELECT subject, body FROM outbound_messages WHERE recipient = ?', [fromA]);
      return m ?? null;
    });
    expect(ackA).toEqual({ subject: `[#${rowA.ticket_id}] Alpha ${domainA} got it: Alpha question`, body: `Dear ANN, ticket ${rowA.ticket_id} is ours now.` });

    const fromB = `bob@${domainB}`;
    const { mime: mimeB, messageId: idB } = simpleMail({ from: fromB, subject: 'Beta question', text: 'x' });
    await postInbound(api.url, rawForm(mimeB), { secret: SECRET });
    const rowB = await inboundRow(idB);
    const [event] = await sql<{ id: number }>("SELECT id FROM outbox_events WHERE topic = 'ticket.created' AND JSON_EXTRACT(payload, '$.ticketId') = ?", [rowB.ticket_id]);
    await eventually(async () => (await sql<{ status: string }>('SELECT status FROM outbox_events WHERE id = ?', [event!.id]))[0]?.status === 'done');
    expect(await sql('SELECT id FROM outbound_messages WHERE recipient = ?', [fromB])).toHaveLength(0);
  });
});
