import { createApiClient } from '@switchboard/trpc-client';
import { TicketRouter } from '../../apps/api/src/routing/ticket-router.js';
import { useApi } from '../support/api.js';
import { eventually, sql } from '../support/db.js';
import { createUser } from '../support/people.js';
import { staffFixtures } from '../support/staff.js';

/**
 * Routing in batches (docs/decisions/028-routing-throughput.md) from two routers at once: the api's and
 * the worker's, each with its own connection pool and its own per-team queue, exactly as two processes
 * would be. Only the team row lock keeps them apart.
 */
const { api, worker } = useApi({ worker: true });
let fx: ReturnType<typeof staffFixtures>;
beforeAll(async () => {
  fx = staffFixtures(api.url, (await createUser(api.url, 'admin')).token);
});

/** `count` unassigned tickets waiting in a team that routes `strategy` (created while it was manual, so nothing routed them yet). */
async function waitingTickets(strategy: 'round_robin' | 'least_loaded', agents: { capacity: number }[], count: number) {
  const staff = await Promise.all(agents.map((a) => fx.agent(a)));
  const team = await fx.team('manual', staff.map((s) => s.id));
  const customers = await Promise.all([1, 2, 3, 4].map(async () => createApiClient({ url: api.url, token: (await createUser(api.url, 'customer')).token })));
  const tickets = await Promise.all(
    Array.from({ length: count }, (_, i) => customers[i % 4].tickets.create.mutate({ subject: `Batch ${i}`, description: 'x', categoryId: team.categoryId })),
  );
  // The saga gives each its team (a manual one: nobody is assigned).
  await eventually(async () => Number((await sql<{ n: number }>('SELECT COUNT(*) AS n FROM tickets WHERE team_id = ? AND assignee_id IS NULL', [team.id]))[0].n) === count, 30_000);
  await sql('UPDATE teams SET routing_strategy = ? WHERE id = ?', [strategy, team.id]);
  return { staff, team, ids: tickets.map((t) => t.id) };
}

/** Every ticket to one of the two routers, alternately, all at once. */
const routeFromBoth = (teamId: number, ids: number[]) =>
  Promise.all(ids.map((id, i) => (i % 2 ? api.app : worker).get(TicketRouter).assignInTeam(teamId, id)));

const perAgent = async (teamId: number) =>
  (await sql<{ a: number; n: number }>('SELECT assignee_id AS a, COUNT(*) AS n FROM tickets WHERE team_id = ? AND assignee_id IS NOT NULL GROUP BY assignee_id ORDER BY assignee_id', [teamId])).map(
    (r) => [r.a, Number(r.n)],
  );

describe('routing in batches from two processes at once', () => {
  it('round-robin stays exactly even, and every ticket gets its own timeline event, audit entry and notice', async () => {
    const { staff, team, ids } = await waitingTickets('round_robin', [{ capacity: 100 }, { capacity: 100 }, { capacity: 100 }, { capacity: 100 }], 120);
    const outcomes = await routeFromBoth(team.id, ids);
    // (The worker's periodic reconciliation may drain the team meanwhile: a ticket it got first is 'skipped' here.)
    expect(outcomes.every((o) => o === 'assigned' || o === 'skipped')).toBe(true);
    const [unassigned] = await sql<{ n: number }>('SELECT COUNT(*) AS n FROM tickets WHERE id IN (?) AND assignee_id IS NULL', [ids]);
    expect(Number(unassigned.n)).toBe(0);
    expect(await perAgent(team.id)).toEqual(staff.map((s) => [s.id, 30]).sort((a, b) => a[0] - b[0]));

    // Whatever batch a ticket was in, its own rows name its own assignee.
    const mismatched = await sql<{ id: number }>(
      `SELECT t.id FROM tickets t JOIN users u ON u.id = t.assignee_id
       WHERE t.team_id = ? AND NOT EXISTS (
         SELECT 1 FROM ticket_entries e WHERE e.ticket_id = t.id AND e.kind = 'event' AND e.event_field = 'assignee' AND e.event_to = u.name AND e.body = ?)`,
      [team.id, `round-robin in ${team.name}`],
    );
    expect(mismatched).toEqual([]);
    const [events] = await sql<{ n: number }>("SELECT COUNT(*) AS n FROM ticket_entries WHERE ticket_id IN (?) AND event_field = 'assignee'", [ids]);
    expect(Number(events.n)).toBe(120);
    const audits = await sql<{ subjectId: string; after: string | Record<string, unknown> }>(
      "SELECT subject_id AS subjectId, after_state AS after FROM audit_log WHERE action = 'ticket.routed' AND subject_type = 'Ticket' AND subject_id IN (?)",
      [ids.map(String)],
    );
    expect(audits).toHaveLength(120);
    const assignees = new Map((await sql<{ id: number; a: number }>('SELECT id, assignee_id AS a FROM tickets WHERE id IN (?)', [ids])).map((r) => [String(r.id), r.a]));
    for (const row of audits) {
      const after = typeof row.after === 'string' ? JSON.parse(row.after) : row.after;
      expect(after).toEqual({ assigneeId: assignees.get(row.subjectId), teamId: team.id, reason: `round-robin in ${team.name}` });
    }
    const notices = await sql<{ payload: string | { ticketId: number; recipients: { id: number }[] } }>(
      "SELECT payload FROM outbox_events WHERE topic = 'ticket.assigned' AND JSON_EXTRACT(payload, '$.ticketId') IN (?)",
      [ids],
    );
    expect(notices).toHaveLength(120);
    for (const { payload } of notices) {
      const notice = typeof payload === 'string' ? JSON.parse(payload) : payload;
      expect(notice.recipients.map((r: { id: number }) => r.id)).toEqual([assignees.get(String(notice.ticketId))]);
    }
  }, 120_000);

  it('never puts anyone over capacity: the rest wait, and a second pass changes nothing', async () => {
    const { staff, team, ids } = await waitingTickets('least_loaded', [{ capacity: 7 }, { capacity: 13 }, { capacity: 10 }], 50);
    const outcomes = await routeFromBoth(team.id, ids);
    expect(outcomes.filter((o) => o === 'assigned').length).toBeLessThanOrEqual(30);
    expect(outcomes.filter((o) => o === 'waiting').length).toBeGreaterThanOrEqual(20);
    const [unassigned] = await sql<{ n: number }>('SELECT COUNT(*) AS n FROM tickets WHERE id IN (?) AND assignee_id IS NULL', [ids]);
    expect(Number(unassigned.n)).toBe(20);
    const full = staff.map((s, i) => [s.id, [7, 13, 10][i]]).sort((a, b) => a[0] - b[0]);
    expect(await perAgent(team.id)).toEqual(full);

    // Draining from both routers again: nobody is free, so nothing moves and nothing is written.
    const [before] = await sql<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'ticket.routed' AND subject_id IN (?)", [ids.map(String)]);
    const drained = await Promise.all([api.app.get(TicketRouter).drain(team.id), worker.get(TicketRouter).drain(team.id)]);
    expect(drained).toEqual([0, 0]);
    expect(await perAgent(team.id)).toEqual(full);
    const [after] = await sql<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'ticket.routed' AND subject_id IN (?)", [ids.map(String)]);
    expect(Number(after.n)).toBe(Number(before.n));
  }, 120_000);
});
