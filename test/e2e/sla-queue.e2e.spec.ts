import { createApiClient } from '@switchboard/trpc-client';
import { startApi, type RunningApi } from '../support/api.js';
import { eventually, sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';

let api: RunningApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

const MIN = 60_000;

/** Puts a ticket's running targets `minutes` from now (negative: overdue), the way the SLA code stores them. */
async function dueIn(ticketId: number, minutes: number) {
  const due = new Date(Date.now() + minutes * MIN);
  await sql("UPDATE ticket_sla_targets SET due_at = ?, active_due_at = ? WHERE ticket_id = ? AND metric = 'first_response'", [due, due, ticketId]);
  await sql("UPDATE ticket_sla_targets SET active_due_at = NULL WHERE ticket_id = ? AND metric = 'resolution'", [ticketId]);
  await sql('UPDATE ticket_slas SET next_due_at = ? WHERE ticket_id = ?', [due, ticketId]);
  await sql('UPDATE tickets SET sla_due_at = ? WHERE id = ?', [due, ticketId]);
}

describe('queue filters and sort by SLA due time', () => {
  it('filters "Overdue" and "Due in the next hour" and sorts by the earliest due time, with keyset paging', async () => {
    const customer = await createUser(api.url, 'customer');
    const agent = await createUser(api.url, 'agent');
    const client = createApiClient({ url: api.url, token: customer.token });
    const agentClient = createApiClient({ url: api.url, token: agent.token });
    const make = async (subject: string) => {
      const t = await client.tickets.create.mutate({ subject, description: 'x' });
      await eventually(async () => (await sql('SELECT ticket_id FROM ticket_slas WHERE ticket_id = ?', [t.id])).length === 1);
      return t.id;
    };
    const overdue = await make('Overdue one');
    const soon = await make('Due soon');
    const later = await make('Due later');
    const paused = await make('Paused and overdue');
    await dueIn(overdue, -5);
    await dueIn(soon, 30);
    await dueIn(later, 180);
    await dueIn(paused, -30);
    await sql('UPDATE ticket_sla_targets SET active_due_at = NULL WHERE ticket_id = ?', [paused]);
    await sql('UPDATE ticket_slas SET next_due_at = NULL WHERE ticket_id = ?', [paused]);
    await sql("UPDATE tickets SET sla_due_at = '9999-12-31 23:59:59' WHERE id = ?", [paused]);
    const mine = { requesterId: customer.id };

    const over = await agentClient.tickets.list.query({ ...mine, due: 'overdue' });
    expect(over.items.map((t) => t.id)).toEqual([overdue]);
    const nextHour = await agentClient.tickets.list.query({ ...mine, due: 'next_hour' });
    expect(nextHour.items.map((t) => t.id)).toEqual([soon]);

    const sorted = await agentClient.tickets.list.query({ ...mine, sort: 'due', direction: 'asc' });
    expect(sorted.items.map((t) => t.id)).toEqual([overdue, soon, later, paused]);
    // Keyset paging walks the same order, tickets without a running target last.
    const ids: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await agentClient.tickets.list.query({ ...mine, sort: 'due', direction: 'asc', pageSize: 1, cursor });
      ids.push(...page.items.map((t) => t.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor && ids.length < 10); // bounded: a cursor that does not advance fails here, not by timeout
    expect(ids).toEqual([overdue, soon, later, paused]);

    // The same filter over REST, and a bad value names the field.
    const rest = restClient(api.url);
    const res = await rest.get(`/tickets?requesterId=${customer.id}&due=overdue`, agent.token);
    expect(res.body.items.map((t: { id: number }) => t.id)).toEqual([overdue]);
    const bad = await rest.get('/tickets?due=someday', agent.token);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/due/);
  });

  it('answers both due filters from tickets.sla_due_at, so a ticket already overdue is not also "due in the next hour"', async () => {
    const customer = await createUser(api.url, 'customer');
    const agent = await createUser(api.url, 'agent');
    const client = createApiClient({ url: api.url, token: customer.token });
    const agentClient = createApiClient({ url: api.url, token: agent.token });
    const t = await client.tickets.create.mutate({ subject: 'Late answer, resolution soon', description: 'x' });
    await eventually(async () => (await sql('SELECT ticket_id FROM ticket_slas WHERE ticket_id = ?', [t.id])).length === 1);
    // First response breached 5 minutes ago; the resolution target falls due in 30 minutes (both running).
    const late = new Date(Date.now() - 5 * MIN);
    const soon = new Date(Date.now() + 30 * MIN);
    await sql("UPDATE ticket_sla_targets SET due_at = ?, active_due_at = ? WHERE ticket_id = ? AND metric = 'first_response'", [late, late, t.id]);
    await sql("UPDATE ticket_sla_targets SET due_at = ?, active_due_at = ? WHERE ticket_id = ? AND metric = 'resolution'", [soon, soon, t.id]);
    await sql('UPDATE ticket_slas SET next_due_at = ? WHERE ticket_id = ?', [late, t.id]);
    await sql('UPDATE tickets SET sla_due_at = ? WHERE id = ?', [late, t.id]);
    const mine = { requesterId: customer.id };
    expect((await agentClient.tickets.list.query({ ...mine, due: 'overdue' })).items.map((x) => x.id)).toEqual([t.id]);
    expect((await agentClient.tickets.list.query({ ...mine, due: 'next_hour' })).items).toEqual([]);

    // Both are ranges over the index the due sort walks.
    for (const range of ['sla_due_at <= NOW(3)', 'sla_due_at > NOW(3) AND sla_due_at <= NOW(3) + INTERVAL 1 HOUR']) {
      const plan = await sql<{ table: string; key: string | null }>(`EXPLAIN SELECT id FROM tickets WHERE ${range} ORDER BY sla_due_at, id LIMIT 26`);
      expect(plan[0].key).toBe('tickets_sla_due');
    }
  });

  it('keeps the tickets.sla_due_at sort key in step with the SLA, and sorts by it from an index', async () => {
    const customer = await createUser(api.url, 'customer');
    const agent = await createUser(api.url, 'agent');
    const agentClient = createApiClient({ url: api.url, token: agent.token });
    const ticket = await createApiClient({ url: api.url, token: customer.token }).tickets.create.mutate({ subject: 'Sort key', description: 'x', urgency: 'critical', importance: 'critical' });
    const row = async () => (await sql<{ sla_due_at: Date }>('SELECT sla_due_at FROM tickets WHERE id = ?', [ticket.id]))[0];
    const due = async (metric: string) =>
      (await sql<{ due_at: Date }>('SELECT due_at FROM ticket_sla_targets WHERE ticket_id = ? AND metric = ?', [ticket.id, metric]))[0]?.due_at.getTime();
    // Created: the first response (15 min) is the earliest running target.
    await eventually(async () => (await row()).sla_due_at.getTime() === (await due('first_response')));
    // Answered: the resolution (2 h) is next.
    await agentClient.tickets.reply.mutate({ id: ticket.id, body: 'On it' });
    await eventually(async () => (await row()).sla_due_at.getTime() === (await due('resolution')));
    // Waiting on the customer: nothing runs, so it sorts last.
    await agentClient.tickets.update.mutate({ id: ticket.id, status: 'waiting_on_customer' });
    await eventually(async () => (await row()).sla_due_at.getUTCFullYear() === 9999);
    // The sort walks the index in order (InnoDB appends the id, the tie-break) instead of sorting in memory.
    const plan = await sql<{ table: string; key: string | null; Extra: string | null }>('EXPLAIN SELECT id FROM tickets ORDER BY sla_due_at, id LIMIT 26');
    expect(plan[0]).toMatchObject({ key: 'tickets_sla_due' });
    expect(plan[0].Extra ?? '').not.toMatch(/filesort/);
  });
});
