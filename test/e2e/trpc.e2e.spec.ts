import { apiErrorKind, apiFieldErrors, createApiClient } from '@switchboard/trpc-client';
import { useApi } from '../support/api.js';
import { uniqueEmail } from '../support/http.js';
import { createUser } from '../support/people.js';

const { api } = useApi();

/** The same client the Remix apps use, over real HTTP. */
describe('tRPC /trpc through @switchboard/trpc-client', () => {
  it('registers a customer who then opens, reads and replies to a ticket', async () => {
    const anonymous = createApiClient({ url: api.url });
    const email = uniqueEmail('portal');
    const { token, user } = await anonymous.auth.register.mutate({ name: 'Pat Portal', email, password: 'long-enough-pw' });
    expect(user).toMatchObject({ email, role: 'customer', companyId: null });

    const client = createApiClient({ url: api.url, token });
    expect((await client.auth.me.query()).email).toBe(email);
    const ticket = await client.tickets.create.mutate({ subject: 'Broken link', description: 'The FAQ link 404s.' });
    expect(ticket.channel).toBe('portal');
    const [list, timeline] = await Promise.all([client.tickets.list.query({}), client.tickets.timeline.query({ id: ticket.id })]);
    expect(list.items.map((t) => t.id)).toEqual([ticket.id]);
    expect(timeline.entries).toHaveLength(1);

    const reply = await client.tickets.reply.mutate({ id: ticket.id, body: 'Also the search page.' });
    expect(reply).toMatchObject({ kind: 'message', author: { email } });
  });

  it('refuses a second account with the same email as a CONFLICT on the email field', async () => {
    const anonymous = createApiClient({ url: api.url });
    const email = uniqueEmail('dup');
    await anonymous.auth.register.mutate({ name: 'One', email, password: 'long-enough-pw' });
    const error = await anonymous.auth.register.mutate({ name: 'Two', email, password: 'long-enough-pw' }).catch((e) => e);
    expect(apiErrorKind(error)).toBe('conflict');
    expect(apiFieldErrors(error)).toEqual({ email: 'an account with this email already exists' });
  });

  it('maps errors to tRPC codes with the field named', async () => {
    const customer = await createUser(api.url, 'customer');
    const client = createApiClient({ url: api.url, token: customer.token });

    const invalid = await client.tickets.create.mutate({ subject: 'x'.repeat(201), description: 'ok' }).catch((e) => e);
    expect(apiErrorKind(invalid)).toBe('bad_request');
    expect(apiFieldErrors(invalid)).toEqual({ subject: 'must be at most 200 characters' });

    const shortPassword = await createApiClient({ url: api.url })
      .auth.register.mutate({ name: 'X', email: uniqueEmail(), password: 'short' })
      .catch((e) => e);
    expect(apiFieldErrors(shortPassword)).toEqual({ password: 'must be at least 10 characters' });

    const unauthenticated = await createApiClient({ url: api.url }).tickets.list.query({}).catch((e) => e);
    expect(apiErrorKind(unauthenticated)).toBe('unauthorized');

    const forbidden = await client.outbox.list.query({}).catch((e) => e);
    expect(apiErrorKind(forbidden)).toBe('forbidden');

    const missing = await client.tickets.get.query({ id: 987654321 }).catch((e) => e);
    expect(apiErrorKind(missing)).toBe('not_found');
  });

  it('reports an API that does not answer as unreachable', async () => {
    const client = createApiClient({ url: 'http://127.0.0.1:9' });
    const error = await client.tickets.list.query({}).catch((e) => e);
    expect(apiErrorKind(error)).toBe('unreachable');
  });

  it('lets agents filter the queue by status, urgency and importance, paged', async () => {
    const customer = await createUser(api.url, 'customer');
    const agent = await createUser(api.url, 'agent');
    const asCustomer = createApiClient({ url: api.url, token: customer.token });
    const asAgent = createApiClient({ url: api.url, token: agent.token });
    const critical = await asCustomer.tickets.create.mutate({ subject: 'Down', description: 'x', urgency: 'critical', importance: 'critical' });
    await asCustomer.tickets.create.mutate({ subject: 'Meh', description: 'x', urgency: 'low', importance: 'low' });

    const page = await asAgent.tickets.list.query({ urgency: 'critical', importance: 'critical', pageSize: 100 });
    expect(page.items.map((t) => t.id)).toContain(critical.id);
    expect(page.items.every((t) => t.urgency === 'critical' && t.importance === 'critical')).toBe(true);
    expect(critical.priority).toBe(16);

    const firstPage = await asAgent.tickets.list.query({ pageSize: 1, page: 1 });
    const secondPage = await asAgent.tickets.list.query({ pageSize: 1, page: 2 });
    expect(firstPage.items).toHaveLength(1);
    expect(firstPage.total).toBeGreaterThanOrEqual(2);
    expect(secondPage.items[0].id).not.toBe(firstPage.items[0].id);
  });
});
