import { apiErrorKind, apiFieldErrors, createApiClient } from '@switchboard/trpc-client';
import { useApi } from '../support/api.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';
import { staffFixtures } from '../support/staff.js';

/** The admins' security log (audit.security): sign-ins and permission changes across users, filtered and paged in SQL. */
const { api } = useApi();
let fx: ReturnType<typeof staffFixtures>;
let adminToken: string;
beforeAll(async () => {
  adminToken = (await createUser(api.url, 'admin')).token;
  fx = staffFixtures(api.url, adminToken);
});

const kind = (promise: Promise<unknown>) => promise.then(() => 'ok', (e) => apiErrorKind(e));

it('shows sign-ins (and failures) and permission changes about a user, newest first, with who did it and from where', async () => {
  const name = fx.unique('Audited');
  const agent = await fx.agent({ online: false, name });
  const rest = restClient(api.url);
  expect((await rest.post('/auth/token', { email: agent.email, password: 'wrong-password-1' })).status).toBe(401);
  await fx.admin.people.updateAgent.mutate({ id: agent.id, role: 'manager' });

  const log = await fx.admin.audit.security.query({ userId: agent.id });
  const actions = log.entries.map((e) => e.action);
  expect(actions[0]).toBe('agent.updated');
  expect(actions).toEqual(expect.arrayContaining(['auth.sign_in_failed', 'auth.signed_in']));
  expect(log.entries.every((e) => e.subject.type === 'User' && e.subject.id === String(agent.id) && e.subject.name === name)).toBe(true);
  const change = log.entries[0];
  expect(change.after).toMatchObject({ role: 'manager' });
  expect(change.actor).not.toBeNull();

  const signIns = await fx.admin.audit.security.query({ userId: agent.id, kind: 'sign_in' });
  expect(signIns.entries.every((e) => e.action.startsWith('auth.'))).toBe(true);
  const permissions = await fx.admin.audit.security.query({ userId: agent.id, kind: 'permission' });
  expect(permissions.entries.map((e) => e.action)).toEqual(['agent.updated']);
  // Ticket work is not in it.
  expect((await fx.admin.audit.security.query({ limit: 100 })).entries.some((e) => e.action.startsWith('ticket.'))).toBe(false);
});

it('pages with a keyset cursor', async () => {
  const agent = await fx.agent({ online: false });
  for (const capacity of [3, 4, 5]) await fx.admin.people.updateAgent.mutate({ id: agent.id, capacity });
  const first = await fx.admin.audit.security.query({ userId: agent.id, kind: 'permission', limit: 2 });
  expect(first.entries.map((e) => (e.after as { capacity: number }).capacity)).toEqual([5, 4]);
  expect(first.nextBefore).not.toBeNull();
  const second = await fx.admin.audit.security.query({ userId: agent.id, kind: 'permission', limit: 2, before: first.nextBefore! });
  expect(second.entries.map((e) => (e.after as { capacity: number }).capacity)).toEqual([3]);
  expect(second.nextBefore).toBeNull();
});

it('is for admins only and checks its input', async () => {
  const manager = await fx.agent({ role: 'manager', online: false });
  expect(await kind(manager.client.audit.security.query({}))).toBe('forbidden');
  const customer = await createUser(api.url, 'customer');
  expect(await kind(createApiClient({ url: api.url, token: customer.token }).audit.security.query({}))).toBe('forbidden');
  expect((await restClient(api.url).get('/audit/security?kind=sign_in', adminToken)).status).toBe(200);
  expect(apiFieldErrors(await fx.admin.audit.security.query({ limit: 1000 }).catch((e) => e))).toHaveProperty('limit');
  expect(apiFieldErrors(await fx.admin.audit.security.query({ kind: 'tickets' as 'all' }).catch((e) => e))).toHaveProperty('kind');
});
