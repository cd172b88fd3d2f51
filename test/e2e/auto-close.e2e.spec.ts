import { createApiClient } from '@switchboard/trpc-client';
import { SYSTEM_USER_EMAIL } from '@switchboard/migrations';
import { createWorker } from '../../apps/api/src/bootstrap.js';
import { AutoCloseJob } from '../../apps/api/src/tickets/auto-close/auto-close.job.js';
import { startApi, type RunningApi } from '../support/api.js';
import { sql } from '../support/db.js';
import { createUser } from '../support/people.js';

let api: RunningApi;
let worker: Awaited<ReturnType<typeof createWorker>>['worker'];
beforeAll(async () => {
  api = await startApi();
  ({ worker } = await createWorker());
});
afterAll(async () => {
  await worker.close();
  await api.close();
});

describe('auto-close of resolved tickets', () => {
  it('closes tickets resolved longer than AUTO_CLOSE_DAYS ago as the system user, once', async () => {
    const customer = await createUser(api.url, 'customer');
    const agent = await createUser(api.url, 'agent');
    const client = createApiClient({ url: api.url, token: customer.token });
    const agentClient = createApiClient({ url: api.url, token: agent.token });
    const old = await client.tickets.create.mutate({ subject: 'Old', description: 'x' });
    const recent = await client.tickets.create.mutate({ subject: 'Recent', description: 'x' });
    for (const t of [old, recent]) await agentClient.tickets.update.mutate({ id: t.id, status: 'resolved' });
    await sql('UPDATE tickets SET resolved_at = ? WHERE id = ?', [new Date(Date.now() - 5 * 86_400_000), old.id]);

    const job = worker.get(AutoCloseJob);
    const closed = await job.run();
    expect(closed).toContain(old.id);
    expect(closed).not.toContain(recent.id);
    expect(await job.run()).not.toContain(old.id);

    expect((await client.tickets.get.query({ id: old.id })).status).toBe('closed');
    expect((await client.tickets.get.query({ id: recent.id })).status).toBe('resolved');
    const [system] = await sql<{ id: number }>('SELECT id FROM users WHERE email = ?', [SYSTEM_USER_EMAIL]);
    const events = await sql("SELECT author_id FROM ticket_entries WHERE ticket_id = ? AND kind = 'event' AND event_to = 'closed'", [old.id]);
    expect(events).toEqual([{ author_id: system.id }]);
    const audits = await sql<{ actor_id: number; user_agent: string }>(
      "SELECT actor_id, user_agent FROM audit_log WHERE subject_id = ? AND action = 'ticket.updated' AND JSON_EXTRACT(after_state, '$.status') = 'closed'",
      [String(old.id)],
    );
    expect(audits).toEqual([{ actor_id: system.id, user_agent: 'switchboard-worker' }]);
  });

  it('the system user cannot sign in', async () => {
    const res = await fetch(`${api.url}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: SYSTEM_USER_EMAIL, password: 'anything-at-all' }),
    });
    expect(res.status).toBe(401);
  });

  it('finds due tickets through the (status, resolved_at) index', async () => {
    const plan = await sql<{ key: string | null; possible_keys: string | null }>(
      "EXPLAIN SELECT id, version FROM tickets WHERE status = 'resolved' AND resolved_at < NOW() ORDER BY resolved_at, id LIMIT 100",
    );
    expect(plan[0].possible_keys ?? '').toContain('tickets_status_resolved');
  });
});
