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

  it('answers the due filters from the (active_due_at, ticket_id) index', async () => {
    const plan = await sql<{ table: string; key: string | null }>(
      'EXPLAIN SELECT ticket_id FROM ticket_sla_targets WHERE active_due_at > NOW() AND active_due_at <= NOW() + INTERVAL 1 HOUR',
    );
    expect(plan.find((p) => p.table === 'ticket_sla_targets')?.key).toBe('ticket_sla_targets_active_due');
  });
});
