import { jest } from '@jest/globals';
import { CommandBus } from '@nestjs/cqrs';
import { createApiClient } from '@switchboard/trpc-client';
import { RouteTicketCommand } from '../../apps/api/src/routing/commands/route-ticket/route-ticket.command.js';
import { RoutingReconciliationJob } from '../../apps/api/src/routing/routing-reconciliation.job.js';
import { RoutingClock } from '../../apps/api/src/routing/routing-clock.js';
import { useApi } from '../support/api.js';
import { eventually, sql } from '../support/db.js';
import { createUser } from '../support/people.js';
import { staffFixtures } from '../support/staff.js';

/** Who is available beyond "online": working hours in the agent's time zone, and suspension handing tickets back. */
const { api, worker } = useApi({ worker: true });
let fx: ReturnType<typeof staffFixtures>;
beforeAll(async () => {
  fx = staffFixtures(api.url, (await createUser(api.url, 'admin')).token);
});
afterEach(() => jest.restoreAllMocks());

/** Moves the routing clock of the api (the saga) and of the worker (the periodic reconciliation). No waiting for office hours. */
const setClock = (at: Date) => {
  jest.spyOn(api.app.get(RoutingClock), 'now').mockReturnValue(at);
  jest.spyOn(worker.get(RoutingClock), 'now').mockReturnValue(at);
};
const customer = async () => createApiClient({ url: api.url, token: (await createUser(api.url, 'customer')).token });
const assigneeOf = async (ticketId: number) => (await sql<{ a: number | null }>('SELECT assignee_id AS a FROM tickets WHERE id = ?', [ticketId]))[0].a;
const weekdays9to17 = [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' }));
// Monday 2026-11-23: 10:00 UTC is 05:00 in New York; 15:00 UTC is 10:00 there.
const MONDAY_10_UTC = new Date('2026-11-23T10:00:00Z');
const MONDAY_15_UTC = new Date('2026-11-23T15:00:00Z');

describe('working hours', () => {
  it('an online agent outside their hours (in their own time zone) gets nothing; the ticket waits and goes to them when their day starts', async () => {
    setClock(MONDAY_10_UTC);
    const london = await fx.agent({ capacity: 10 });
    const newYork = await fx.agent({ capacity: 10 });
    await fx.admin.people.updateAgent.mutate({ id: london.id, timezone: 'UTC', workingHours: weekdays9to17 });
    await fx.admin.people.updateAgent.mutate({ id: newYork.id, timezone: 'America/New_York', workingHours: weekdays9to17 });
    const both = await fx.team('round_robin', [london.id, newYork.id]);
    const nightOnly = await fx.team('round_robin', [newYork.id]);
    const client = await customer();

    // Round-robin over two online agents, but only London is at work: both tickets go there.
    const first = await client.tickets.create.mutate({ subject: 'Morning 1', description: 'x', categoryId: both.categoryId });
    const second = await client.tickets.create.mutate({ subject: 'Morning 2', description: 'x', categoryId: both.categoryId });
    expect(await eventually(() => assigneeOf(first.id))).toBe(london.id);
    expect(await eventually(() => assigneeOf(second.id))).toBe(london.id);

    // A team whose only agent is outside their hours: the ticket waits in the queue.
    const waiting = await client.tickets.create.mutate({ subject: 'Too early', description: 'x', categoryId: nightOnly.categoryId });
    expect(await api.app.get(CommandBus).execute(new RouteTicketCommand(waiting.id))).toBe('waiting');
    expect(await assigneeOf(waiting.id)).toBeNull();

    // 10:00 in New York: nothing happened to the agent (they were online all along), so it is the
    // worker's periodic reconciliation that hands the waiting ticket over.
    setClock(MONDAY_15_UTC);
    await worker.get(RoutingReconciliationJob).tick();
    expect(await assigneeOf(waiting.id)).toBe(newYork.id);
    expect((await sql<{ body: string }>("SELECT body FROM ticket_entries WHERE ticket_id = ? AND event_field = 'assignee'", [waiting.id]))[0].body).toBe(
      `round-robin in ${nightOnly.name}`,
    );
  });
});

describe('suspension', () => {
  const events = (ticketId: number) =>
    sql<{ field: string; from: string | null; to: string | null; body: string; visibility: string }>(
      "SELECT event_field AS field, event_from AS `from`, event_to AS `to`, body, visibility FROM ticket_entries WHERE ticket_id = ? AND kind = 'event' AND event_field = 'assignee' ORDER BY id",
      [ticketId],
    );

  it('unassigns a suspended agent’s open tickets with a timeline reason and routes them to a colleague', async () => {
    const leavingName = fx.unique('Leaving');
    const leaving = await fx.agent({ capacity: 10, name: leavingName });
    const staying = await fx.agent({ capacity: 10, online: false });
    const team = await fx.team('round_robin', [leaving.id, staying.id]);
    const client = await customer();
    const tickets = [
      await client.tickets.create.mutate({ subject: 'One', description: 'x', categoryId: team.categoryId }),
      await client.tickets.create.mutate({ subject: 'Two', description: 'x', categoryId: team.categoryId }),
    ];
    for (const t of tickets) expect(await eventually(() => assigneeOf(t.id))).toBe(leaving.id);
    await staying.client.people.setAvailability.mutate({ availability: 'online' });

    await fx.admin.people.updateAgent.mutate({ id: leaving.id, status: 'suspended' });
    for (const t of tickets) {
      await eventually(async () => (await assigneeOf(t.id)) === staying.id, 20_000);
      const assigneeEvents = await events(t.id);
      expect(assigneeEvents).toEqual([
        expect.objectContaining({ to: leavingName }),
        { field: 'assignee', from: leavingName, to: null, body: `unassigned: ${leavingName} was suspended`, visibility: 'internal' },
        expect.objectContaining({ body: `round-robin in ${team.name}` }),
      ]);
    }
    const [audit] = await sql<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'ticket.unassigned_suspended' AND subject_id IN (?, ?)", [tickets[0].id, tickets[1].id]);
    expect(Number(audit.n)).toBe(2);
  });

  it('the reconciliation hands back the tickets of an agent suspended without the event (a lost event)', async () => {
    const leaving = await fx.agent({ capacity: 10 });
    const team = await fx.team('round_robin', [leaving.id]);
    const t = await (await customer()).tickets.create.mutate({ subject: 'Stuck', description: 'x', categoryId: team.categoryId });
    expect(await eventually(() => assigneeOf(t.id))).toBe(leaving.id);
    await sql("UPDATE users SET status = 'suspended' WHERE id = ?", [leaving.id]);
    await worker.get(RoutingReconciliationJob).tick();
    expect(await assigneeOf(t.id)).toBeNull();
    expect((await events(t.id)).at(-1)).toMatchObject({ to: null, body: expect.stringMatching(/was suspended$/) });
  });
});
