import { apiErrorKind, createApiClient } from '@switchboard/trpc-client';
import type { AddressInfo } from 'node:net';
import { createApi } from '../../apps/api/src/bootstrap.js';
import { AppRouterFactory } from '../../apps/api/src/trpc/app-router.js';
import { restClient } from '../support/http.js';
import { createUser, TEST_PASSWORD } from '../support/people.js';
import { MATRIX, WHO, type Fixtures, type Outcome, type Probe, type Who } from './permission-matrix/index.js';

/**
 * Every tRPC procedure of the app router x every role, through the real HTTP API. The procedure list
 * is read from the router itself: a new procedure without a row fails the first test. The rows live
 * per domain in ./permission-matrix/ (a new procedure: add its row to its domain's module there).
 */
let app: Awaited<ReturnType<typeof createApi>>['app'];
let url: string;
let procedures: string[];
let counter = 0;
const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}${counter++}`;
const fixtures = {} as Record<Who, Fixtures>;

beforeAll(async () => {
  ({ app } = await createApi());
  await app.listen(0, '127.0.0.1');
  url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  procedures = Object.keys((app.get(AppRouterFactory).build() as unknown as { _def: { procedures: Record<string, unknown> } })._def.procedures).sort();

  const admin = await createUser(url, 'admin');
  const asAdmin = createApiClient({ url, token: admin.token });
  const shared = await asAdmin.companies.save.mutate({ name: unique('Shared'), ticketVisibility: 'company' });
  const own = await asAdmin.companies.save.mutate({ name: unique('Own'), ticketVisibility: 'own' });
  const requester = await createUser(url, 'customer', { companyId: shared.id });
  const requesterClient = createApiClient({ url, token: requester.token });
  const target = (await requesterClient.tickets.create.mutate({ subject: 'Target', description: 'x' })).id;
  const moved = await createUser(url, 'customer', { companyId: shared.id });
  const member = await createUser(url, 'customer', { companyId: shared.id });
  const category = await asAdmin.catalog.saveCategory.mutate({ name: unique('Matrix') });
  const staffTarget = await createUser(url, 'agent');

  const users: Record<Who, { token: string | null; id: number | null; email: string | null; role: string }> = {
    anonymous: { token: null, id: null, email: null, role: 'none' },
    customer: await createUser(url, 'customer'),
    coOwn: await createUser(url, 'customer', { companyId: own.id }),
    coShared: await createUser(url, 'customer', { companyId: shared.id }),
    agent: await createUser(url, 'agent'),
    manager: await createUser(url, 'manager'),
    admin,
  };
  for (const who of WHO) {
    const u = users[who];
    fixtures[who] = {
      url,
      who,
      client: createApiClient({ url, token: u.token ?? undefined }),
      token: u.token,
      target,
      companyId: shared.id,
      customerId: moved.id,
      memberId: member.id,
      categoryId: category.id,
      userId: u.id,
      admin: asAdmin,
      loginEmail: requester.email,
      staffId: staffTarget.id,
      unique,
      async fresh(status) {
        const id = (await requesterClient.tickets.create.mutate({ subject: 'Fresh', description: 'first message' })).id;
        if (status) await asAdmin.tickets.update.mutate({ id, status });
        return id;
      },
      async freshClient() {
        if (!u.email) return createApiClient({ url });
        const { body } = await restClient(url).post('/auth/token', { email: u.email, password: TEST_PASSWORD });
        return createApiClient({ url, token: body.token });
      },
    };
  }
});
afterAll(() => app.close());

async function outcome(probe: Probe, f: Fixtures): Promise<Outcome | string> {
  try {
    await probe(f);
    return 'ok';
  } catch (error) {
    const sseOutcome = (error as { outcome?: string }).outcome;
    if (sseOutcome) return sseOutcome;
    const kind = apiErrorKind(error);
    return kind === 'other' ? `other: ${(error as Error).message}` : kind;
  }
}

describe('permission matrix', () => {
  it('has a row for every procedure of the app router, and no row for a procedure that is gone', () => {
    expect(procedures.length).toBeGreaterThan(40);
    expect(Object.keys(MATRIX).sort()).toEqual(procedures);
  });

  it.each(WHO.map((who) => [who]))('%s: every procedure answers as the matrix says', async (who) => {
    const results: Record<string, Outcome | string> = {};
    const expected: Record<string, Outcome> = {};
    for (const name of procedures) {
      const entry = MATRIX[name];
      if (!entry) continue;
      results[name] = await outcome(entry.probe, fixtures[who as Who]);
      expected[name] = entry.expect[who as Who];
    }
    expect(results).toEqual(expected);
  }, 60_000);
});
