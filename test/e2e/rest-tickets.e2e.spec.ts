import { restClient } from '../support/http.js';
import { startApi, type RunningApi } from '../support/api.js';
import { createUser } from '../support/people.js';
import { sql } from '../support/db.js';

let api: RunningApi;
let rest: ReturnType<typeof restClient>;
let customer: Awaited<ReturnType<typeof createUser>>;
let otherCustomer: Awaited<ReturnType<typeof createUser>>;
let agent: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  api = await startApi();
  rest = restClient(api.url);
  [customer, otherCustomer, agent] = await Promise.all([
    createUser(api.url, 'customer'),
    createUser(api.url, 'customer'),
    createUser(api.url, 'agent', { name: 'Ana Tester' }),
  ]);
});
afterAll(() => api.close());

describe('REST /api/v1 tickets', () => {
  it('issues a token for valid credentials and refuses wrong ones with 401', async () => {
    const ok = await rest.post('/auth/token', { email: customer.email, password: 'test-password-123' });
    expect(ok.status).toBe(200);
    expect(ok.body.token).toMatch(/^sb_/);
    expect(ok.body.user).toMatchObject({ email: customer.email, role: 'customer' });

    const bad = await rest.post('/auth/token', { email: customer.email, password: 'wrong-password' });
    expect(bad.status).toBe(401);
    expect(bad.body.message).toBe('Email or password is not correct');
  });

  it('creates a ticket, lists it, reads it and its timeline', async () => {
    const created = await rest.post(
      '/tickets',
      { subject: 'Cannot log in', description: 'The login page spins forever.', urgency: 'high', importance: 'low' },
      customer.token,
    );
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      subject: 'Cannot log in',
      status: 'open',
      urgency: 'high',
      importance: 'low',
      channel: 'api',
      version: 1,
      requester: { id: customer.id },
    });
    expect(created.body.number).toBe(created.body.id);
    const id = created.body.id;

    const list = await rest.get('/tickets?status=open&pageSize=5', customer.token);
    expect(list.status).toBe(200);
    expect(list.body.items.map((t: { id: number }) => t.id)).toContain(id);
    expect(list.body.items.every((t: { requester: { id: number } }) => t.requester.id === customer.id)).toBe(true);

    const one = await rest.get(`/tickets/${id}`, customer.token);
    expect(one.body.subject).toBe('Cannot log in');

    const timeline = await rest.get(`/tickets/${id}/timeline`, customer.token);
    expect(timeline.body.entries).toHaveLength(1);
    expect(timeline.body.entries[0]).toMatchObject({ kind: 'message', visibility: 'public', body: 'The login page spins forever.' });
  });

  it('keeps internal notes from the customer and shows them to agents, in time order', async () => {
    const { body: ticket } = await rest.post('/tickets', { subject: 'Refund', description: 'Please refund order 42.' }, customer.token);
    const note = await rest.post(`/tickets/${ticket.id}/replies`, { body: 'Check the fraud flag first', internal: true }, agent.token);
    expect(note.status).toBe(200);
    expect(note.body).toMatchObject({ kind: 'note', visibility: 'internal' });
    const reply = await rest.post(`/tickets/${ticket.id}/replies`, { body: 'Refund is on its way.' }, agent.token);
    expect(reply.body).toMatchObject({ kind: 'reply', visibility: 'public' });

    const asAgent = await rest.get(`/tickets/${ticket.id}/timeline`, agent.token);
    expect(asAgent.body.entries.map((e: { kind: string }) => e.kind)).toEqual(['message', 'note', 'reply']);

    const asCustomer = await rest.get(`/tickets/${ticket.id}/timeline`, customer.token);
    expect(asCustomer.body.entries.map((e: { kind: string }) => e.kind)).toEqual(['message', 'reply']);
    expect(JSON.stringify(asCustomer.body)).not.toContain('fraud flag');
    // Customers see staff names but not staff email addresses.
    expect(asCustomer.body.entries[1].author).toMatchObject({ name: 'Ana Tester', email: null });
  });

  it('changes status with an audit trail and a timeline event, and rejects a stale version with 409', async () => {
    const { body: ticket } = await rest.post('/tickets', { subject: 'Slow pages', description: 'Everything is slow.' }, customer.token);
    const moved = await rest.patch(`/tickets/${ticket.id}`, { status: 'in_progress', version: 1 }, agent.token);
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: 'in_progress', version: 2 });

    const stale = await rest.patch(`/tickets/${ticket.id}`, { status: 'resolved', version: 1 }, agent.token);
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/changed by Ana Tester \d+ s ago/);

    const audit = await sql<{ action: string; actor_id: number; before_state: unknown; after_state: unknown }>(
      "SELECT action, actor_id, before_state, after_state FROM audit_log WHERE subject_type = 'Ticket' AND subject_id = ? ORDER BY id",
      [String(ticket.id)],
    );
    expect(audit.map((a) => a.action)).toEqual(['ticket.created', 'ticket.updated']);
    expect(audit[1].actor_id).toBe(agent.id);
    const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
    expect(parse(audit[1].before_state)).toEqual({ status: 'open' });
    expect(parse(audit[1].after_state)).toEqual({ status: 'in_progress' });

    const timeline = await rest.get(`/tickets/${ticket.id}/timeline`, customer.token);
    const event = timeline.body.entries.find((e: { kind: string }) => e.kind === 'event');
    expect(event.event).toEqual({ field: 'status', from: 'open', to: 'in_progress' });
  });

  it('refuses a forbidden transition with 400 naming the field', async () => {
    const { body: ticket } = await rest.post('/tickets', { subject: 'Old', description: 'x' }, customer.token);
    await rest.patch(`/tickets/${ticket.id}`, { status: 'closed' }, agent.token);
    const res = await rest.patch(`/tickets/${ticket.id}`, { status: 'open' }, agent.token);
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('status: cannot change from closed to open');
    expect(res.body.data.fieldErrors).toEqual({ status: 'cannot change from closed to open' });
  });

  it('reopens a ticket that waited on the customer when the customer replies', async () => {
    const { body: ticket } = await rest.post('/tickets', { subject: 'Waiting', description: 'x' }, customer.token);
    await rest.patch(`/tickets/${ticket.id}`, { status: 'waiting_on_customer' }, agent.token);
    await rest.post(`/tickets/${ticket.id}/replies`, { body: 'Here is the log you asked for.' }, customer.token);
    const after = await rest.get(`/tickets/${ticket.id}`, agent.token);
    expect(after.body.status).toBe('open');
  });

  it('answers 400 naming the field for bad input, 401 without a token, 403 and 404 where due', async () => {
    const bad = await rest.post('/tickets', { subject: '', description: 'x', urgency: 'extreme' }, customer.token);
    expect(bad.status).toBe(400);
    expect(bad.body.data.fieldErrors).toMatchObject({ subject: 'is required' });
    expect(bad.body.data.fieldErrors.urgency).toBeDefined();
    expect(bad.body.message).toContain('subject: is required');

    expect((await rest.get('/tickets')).status).toBe(401);
    expect((await rest.get('/tickets', 'sb_not-a-real-token')).status).toBe(401);

    const { body: ticket } = await rest.post('/tickets', { subject: 'Mine', description: 'x' }, customer.token);
    // Another customer's ticket is reported as missing, never as forbidden.
    expect((await rest.get(`/tickets/${ticket.id}`, otherCustomer.token)).status).toBe(404);
    expect((await rest.get(`/tickets/${ticket.id}/timeline`, otherCustomer.token)).status).toBe(404);
    expect((await rest.post(`/tickets/${ticket.id}/replies`, { body: 'hi' }, otherCustomer.token)).status).toBe(404);
    // Customers may not change a ticket's status.
    expect((await rest.patch(`/tickets/${ticket.id}`, { status: 'closed' }, customer.token)).status).toBe(403);
    // Nor add internal notes on their own ticket.
    expect((await rest.post(`/tickets/${ticket.id}/replies`, { body: 'x', internal: true }, customer.token)).status).toBe(403);
    expect((await rest.get('/tickets/99999999', agent.token)).status).toBe(404);
    expect((await rest.get('/tickets/abc', agent.token)).status).toBe(400);
  });

  it('revokes the token on logout', async () => {
    const { body } = await rest.post('/auth/token', { email: customer.email, password: 'test-password-123' });
    expect((await rest.get('/auth/me', body.token)).status).toBe(200);
    expect((await rest.post('/auth/logout', {}, body.token)).status).toBe(200);
    expect((await rest.get('/auth/me', body.token)).status).toBe(401);
  });

  it('publishes an OpenAPI 3 document listing the ticket paths', async () => {
    const res = await fetch(`${api.url}/api/v1/openapi.json`);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/auth/token', '/tickets', '/tickets/{id}', '/tickets/{id}/timeline', '/tickets/{id}/replies']),
    );
    expect(Object.keys(doc.paths['/tickets/{id}'])).toEqual(expect.arrayContaining(['get', 'patch']));
  });
});
