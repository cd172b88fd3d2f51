import { createApiClient, apiErrorKind } from '@switchboard/trpc-client';
import { useApi } from '../support/api.js';
import { sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';

const { api } = useApi();

const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);

async function openTicket(customerToken: string, subject = 'Lifecycle') {
  return createApiClient({ url: api.url, token: customerToken }).tickets.create.mutate({ subject, description: 'first' });
}

describe('customer close and reopen', () => {
  it('lets the requester close their own ticket, with a timeline event and an audit row', async () => {
    const customer = await createUser(api.url, 'customer');
    const client = createApiClient({ url: api.url, token: customer.token });
    const ticket = await openTicket(customer.token);
    const closed = await client.tickets.close.mutate({ id: ticket.id });
    expect(closed.status).toBe('closed');
    const { entries } = await client.tickets.timeline.query({ id: ticket.id });
    expect(entries.at(-1)?.event).toEqual({ field: 'status', from: 'open', to: 'closed' });
    const [audit] = await sql<{ action: string; actor_id: number }>(
      "SELECT action, actor_id FROM audit_log WHERE subject_type = 'Ticket' AND subject_id = ? AND action = 'ticket.closed'",
      [String(ticket.id)],
    );
    expect(audit.actor_id).toBe(customer.id);
    // Closing twice is an invalid transition, not a silent no-op.
    expect(apiErrorKind(await client.tickets.close.mutate({ id: ticket.id }).catch((e) => e))).toBe('bad_request');
  });

  it('reopens a resolved ticket but not an open one, and never another customer’s', async () => {
    const customer = await createUser(api.url, 'customer');
    const stranger = await createUser(api.url, 'customer');
    const agent = await createUser(api.url, 'agent');
    const client = createApiClient({ url: api.url, token: customer.token });
    const ticket = await openTicket(customer.token);
    expect(apiErrorKind(await client.tickets.reopen.mutate({ id: ticket.id }).catch((e) => e))).toBe('bad_request');
    await createApiClient({ url: api.url, token: agent.token }).tickets.update.mutate({ id: ticket.id, status: 'resolved' });

    const strangerClient = createApiClient({ url: api.url, token: stranger.token });
    expect(apiErrorKind(await strangerClient.tickets.reopen.mutate({ id: ticket.id }).catch((e) => e))).toBe('not_found');
    expect(apiErrorKind(await strangerClient.tickets.close.mutate({ id: ticket.id }).catch((e) => e))).toBe('not_found');

    const reopened = await client.tickets.reopen.mutate({ id: ticket.id });
    expect(reopened.status).toBe('open');
    // The customer still may not change anything else.
    expect(apiErrorKind(await client.tickets.update.mutate({ id: ticket.id, status: 'resolved' }).catch((e) => e))).toBe('forbidden');
  });

  it('is on the REST surface too', async () => {
    const customer = await createUser(api.url, 'customer');
    const ticket = await openTicket(customer.token);
    const rest = restClient(api.url);
    const res = await rest.post(`/tickets/${ticket.id}/close`, {}, customer.token);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('closed');
  });
});

describe('replies to closed tickets', () => {
  async function closedTicket(closedDaysAgo: number) {
    const customer = await createUser(api.url, 'customer');
    const client = createApiClient({ url: api.url, token: customer.token });
    const ticket = await openTicket(customer.token, 'Printer on fire');
    await client.tickets.close.mutate({ id: ticket.id });
    await sql('UPDATE tickets SET closed_at = ? WHERE id = ?', [daysAgo(closedDaysAgo), ticket.id]);
    return { customer, client, ticket };
  }

  it('reopens a ticket closed within the reopen window', async () => {
    const { client, ticket } = await closedTicket(2);
    const entry = await client.tickets.reply.mutate({ id: ticket.id, body: 'It is on fire again' });
    expect(entry.ticketId).toBe(ticket.id);
    const after = await client.tickets.get.query({ id: ticket.id });
    expect(after.status).toBe('open');
    const [row] = await sql<{ closed_at: Date | null }>('SELECT closed_at FROM tickets WHERE id = ?', [ticket.id]);
    expect(row.closed_at).toBeNull();
  });

  it('opens a new ticket linked to one closed longer ago, with the reply as its first message', async () => {
    const { customer, client, ticket } = await closedTicket(30);
    const entry = await client.tickets.reply.mutate({ id: ticket.id, body: 'Same problem, new printer' });
    expect(entry.ticketId).not.toBe(ticket.id);

    const followUp = await client.tickets.get.query({ id: entry.ticketId });
    expect(followUp).toMatchObject({ status: 'open', subject: `Follow-up to #${ticket.id}: Printer on fire`, requester: { id: customer.id } });
    const { entries } = await client.tickets.timeline.query({ id: entry.ticketId });
    expect(entries.map((e) => [e.kind, e.body])).toEqual([['message', 'Same problem, new printer']]);
    expect((await client.tickets.get.query({ id: ticket.id })).status).toBe('closed');

    const links = await sql('SELECT source_ticket_id, target_ticket_id, kind, created_by FROM ticket_links WHERE source_ticket_id = ?', [ticket.id]);
    expect(links).toEqual([{ source_ticket_id: ticket.id, target_ticket_id: entry.ticketId, kind: 'follow_up', created_by: customer.id }]);
    const outbox = await sql("SELECT topic FROM outbox_events WHERE JSON_EXTRACT(payload, '$.ticketId') = ?", [entry.ticketId]);
    expect(outbox).toEqual([{ topic: 'ticket.created' }]);
  });

  it('still refuses staff replies on a closed ticket', async () => {
    const { ticket } = await closedTicket(1);
    const agent = await createUser(api.url, 'agent');
    const error = await createApiClient({ url: api.url, token: agent.token })
      .tickets.reply.mutate({ id: ticket.id, body: 'late' })
      .catch((e) => e);
    expect(apiErrorKind(error)).toBe('bad_request');
  });
});

describe('audit view', () => {
  it('is for managers and admins, and names who, what, before, after, IP and user agent', async () => {
    const customer = await createUser(api.url, 'customer');
    const agent = await createUser(api.url, 'agent', { name: 'Audra Agent' });
    const manager = await createUser(api.url, 'manager');
    const admin = await createUser(api.url, 'admin');
    const ticket = await openTicket(customer.token);
    const rest = restClient(api.url);
    const res = await rest.raw('PATCH', `/api/v1/tickets/${ticket.id}`, agent.token, { status: 'in_progress' });
    expect(res.status).toBe(200);
    // The REST client sends node's user agent; send a recognisable one through fetch directly.
    await fetch(`${api.url}/api/v1/tickets/${ticket.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${agent.token}`, 'content-type': 'application/json', 'user-agent': 'AuditTest/1.0' },
      body: JSON.stringify({ status: 'resolved' }),
    });

    expect((await rest.get(`/tickets/${ticket.id}/audit`, agent.token)).status).toBe(403);
    expect((await rest.get(`/tickets/${ticket.id}/audit`, customer.token)).status).toBe(403);
    for (const who of [manager, admin]) {
      const { entries } = await createApiClient({ url: api.url, token: who.token }).audit.forTicket.query({ ticketId: ticket.id });
      expect(entries.map((e) => e.action)).toEqual(['ticket.created', 'ticket.updated', 'ticket.updated']);
      expect(entries[2]).toMatchObject({
        actor: { id: agent.id, name: 'Audra Agent' },
        before: { status: 'in_progress' },
        after: { status: 'resolved' },
        userAgent: 'AuditTest/1.0',
        ip: expect.any(String),
      });
    }
  });
});
