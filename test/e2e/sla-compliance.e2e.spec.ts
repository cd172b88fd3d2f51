import { createApiClient } from '@switchboard/trpc-client';
import { useApi } from '../support/api.js';
import { eventually, sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';

/** SLA compliance by policy, team, agent, company and period: the data the reports chart. */
const { api } = useApi();

const MIN = 60_000;

describe('SLA compliance report', () => {
  it('counts met-in-time and breached targets by team, agent and month, within a period', async () => {
    const run = Date.now().toString(36);
    const manager = await createUser(api.url, 'manager');
    const agent = await createUser(api.url, 'agent', { name: `Agent ${run}` });
    const customer = await createUser(api.url, 'customer');
    await sql('INSERT INTO teams (name) VALUES (?)', [`Team ${run}`]);
    const [team] = await sql<{ id: number }>('SELECT id FROM teams WHERE name = ?', [`Team ${run}`]);
    const client = createApiClient({ url: api.url, token: customer.token });
    const ids: number[] = [];
    for (const subject of ['in time', 'breached', 'met late', 'running', 'last year']) {
      const t = await client.tickets.create.mutate({ subject, description: 'x' });
      await eventually(async () => (await sql('SELECT id FROM ticket_sla_targets WHERE ticket_id = ?', [t.id])).length === 2);
      await sql('UPDATE tickets SET team_id = ?, assignee_id = ? WHERE id = ?', [team.id, agent.id, t.id]);
      ids.push(t.id);
    }
    const [inTime, breached, metLate, , lastYear] = ids;
    const due = new Date('2031-03-10T12:00:00Z');
    const setFirst = (id: number, values: { due?: Date; met?: Date | null; breached?: Date | null }) =>
      sql("UPDATE ticket_sla_targets SET due_at = ?, met_at = ?, breached_at = ? WHERE ticket_id = ? AND metric = 'first_response'", [
        values.due ?? due,
        values.met ?? null,
        values.breached ?? null,
        id,
      ]);
    await setFirst(inTime, { met: new Date(due.getTime() - 5 * MIN) });
    await setFirst(breached, { breached: due });
    // Met a minute after its due time, before any breach was recorded: late all the same.
    await setFirst(metLate, { met: new Date(due.getTime() + MIN) });
    await setFirst(lastYear, { due: new Date('2030-03-10T12:00:00Z'), met: new Date('2030-03-10T11:00:00Z') });

    const reports = createApiClient({ url: api.url, token: manager.token }).sla.compliance;
    const period = { metric: 'first_response' as const, from: '2031-03-01', to: '2031-03-31' };
    const byTeam = await reports.query({ groupBy: 'team', ...period });
    expect(byTeam).toEqual([{ key: String(team.id), label: `Team ${run}`, met: 1, breached: 2, rate: 1 / 3 }]);
    const byAgent = await reports.query({ groupBy: 'agent', ...period });
    expect(byAgent).toEqual([{ key: String(agent.id), label: `Agent ${run}`, met: 1, breached: 2, rate: 1 / 3 }]);
    const byMonth = await reports.query({ groupBy: 'month', metric: 'first_response', from: '2030-01-01', to: '2031-12-31' });
    expect(byMonth).toEqual([
      { key: '2030-03', label: '2030-03', met: 1, breached: 0, rate: 1 },
      { key: '2031-03', label: '2031-03', met: 1, breached: 2, rate: 1 / 3 },
    ]);
    const byPolicy = await reports.query({ groupBy: 'policy', ...period });
    expect(byPolicy).toEqual([{ key: expect.any(String), label: 'Default', met: 1, breached: 2, rate: 1 / 3 }]);

    // The same over REST, for integrators and the reports work.
    const rest = await restClient(api.url).get('/sla/compliance?groupBy=team&metric=first_response&from=2031-03-01&to=2031-03-31', manager.token);
    expect(rest.status).toBe(200);
    expect(rest.body).toEqual(byTeam);
  });
});
