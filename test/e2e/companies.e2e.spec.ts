import { apiErrorKind, apiFieldErrors, createApiClient } from '@switchboard/trpc-client';
import { useApi } from '../support/api.js';
import { sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';
import { staffFixtures } from '../support/staff.js';

const { api } = useApi();
let fx: ReturnType<typeof staffFixtures>;
beforeAll(async () => {
  fx = staffFixtures(api.url, (await createUser(api.url, 'admin')).token);
});

const kind = (promise: Promise<unknown>) => promise.then(() => 'ok', (e) => apiErrorKind(e));
const clientOf = (token: string) => createApiClient({ url: api.url, token });

/** A company with two users who each opened a ticket, plus an outsider's ticket. */
async function companyWithTickets(ticketVisibility: 'own' | 'company') {
  const company = await fx.admin.companies.save.mutate({ name: fx.unique('Co'), ticketVisibility });
  const alice = await createUser(api.url, 'customer', { companyId: company.id });
  const bob = await createUser(api.url, 'customer', { companyId: company.id });
  const outsider = await createUser(api.url, 'customer');
  const aliceTicket = await clientOf(alice.token).tickets.create.mutate({ subject: 'Alice asks', description: 'x' });
  const bobTicket = await clientOf(bob.token).tickets.create.mutate({ subject: 'Bob asks', description: 'x' });
  const outsiderTicket = await clientOf(outsider.token).tickets.create.mutate({ subject: 'Outsider asks', description: 'x' });
  return { company, alice, bob, aliceTicket, bobTicket, outsiderTicket };
}

describe('company ticket visibility, over HTTP', () => {
  it('own: a company user sees only their own tickets in the list and by id', async () => {
    const { alice, aliceTicket, bobTicket } = await companyWithTickets('own');
    const rest = restClient(api.url);
    const list = await rest.get('/tickets?pageSize=100', alice.token);
    expect(list.status).toBe(200);
    expect(list.body.items.map((t: { id: number }) => t.id)).toEqual([aliceTicket.id]);
    expect(list.body.total).toBe(1);
    expect((await rest.get(`/tickets/${bobTicket.id}`, alice.token)).status).toBe(404);
    expect(await kind(clientOf(alice.token).tickets.get.query({ id: bobTicket.id }))).toBe('not_found');
  });

  it('company: a company user sees every ticket of the company, never another company’s; switching back hides them again', async () => {
    const { company, alice, aliceTicket, bobTicket, outsiderTicket } = await companyWithTickets('company');
    const rest = restClient(api.url);
    const list = await rest.get('/tickets?pageSize=100', alice.token);
    expect(list.body.items.map((t: { id: number }) => t.id).sort()).toEqual([aliceTicket.id, bobTicket.id].sort());
    expect((await rest.get(`/tickets/${bobTicket.id}`, alice.token)).body.subject).toBe('Bob asks');
    expect((await rest.get(`/tickets/${outsiderTicket.id}`, alice.token)).status).toBe(404);
    // Reading is not replying: only the requester answers on their ticket.
    expect(await kind(clientOf(alice.token).tickets.reply.mutate({ id: bobTicket.id, body: 'me too' }))).toBe('forbidden');
    // The setting is read on every request: turning it off takes effect at once, with the same token.
    await fx.admin.companies.save.mutate({ id: company.id, name: company.name, ticketVisibility: 'own' });
    expect((await rest.get('/tickets?pageSize=100', alice.token)).body.items.map((t: { id: number }) => t.id)).toEqual([aliceTicket.id]);
    expect((await rest.get(`/tickets/${bobTicket.id}`, alice.token)).status).toBe(404);
  });
});

describe('company administration', () => {
  it('saves settings, branding and assigned agents; staff list every company, a company user only theirs', async () => {
    const agent = await fx.agent({ online: false });
    const saved = await fx.admin.companies.save.mutate({
      name: fx.unique('Brand'),
      ticketVisibility: 'company',
      brandName: 'Brand Co',
      brandPrimaryColor: '#112233',
      brandAccentColor: '#aabbcc',
      agentIds: [agent.id],
    });
    expect(saved).toMatchObject({ ticketVisibility: 'company', brandName: 'Brand Co', brandPrimaryColor: '#112233', agents: [{ id: agent.id }], userCount: 0, domain: null });
    expect((await agent.client.companies.list.query()).some((c) => c.id === saved.id)).toBe(true);
    const member = await createUser(api.url, 'customer', { companyId: saved.id });
    expect((await clientOf(member.token).companies.list.query()).map((c) => c.id)).toEqual([saved.id]);
    const loner = await createUser(api.url, 'customer');
    expect(await kind(clientOf(loner.token).companies.list.query())).toBe('forbidden');

    const badColour = await fx.admin.companies.save.mutate({ name: fx.unique('X'), brandPrimaryColor: 'red' }).catch((e) => e);
    expect(apiFieldErrors(badColour)).toHaveProperty('brandPrimaryColor');
    const customerAsAgent = await fx.admin.companies.save.mutate({ name: fx.unique('X'), agentIds: [loner.id] }).catch((e) => e);
    expect(apiFieldErrors(customerAsAgent)).toHaveProperty(['agentIds.0']);
    expect(await kind(fx.admin.companies.save.mutate({ id: 999999, name: 'Nope' }))).toBe('not_found');
    expect(await kind(agent.client.companies.save.mutate({ name: fx.unique('Y') }))).toBe('forbidden');
    const manager = await fx.agent({ role: 'manager', online: false });
    expect(await kind(manager.client.companies.save.mutate({ name: fx.unique('Z') }))).toBe('forbidden');
  });

  it('moves a customer into and out of a company; their tickets follow', async () => {
    const a = await fx.admin.companies.save.mutate({ name: fx.unique('From') });
    const b = await fx.admin.companies.save.mutate({ name: fx.unique('To') });
    const customer = await createUser(api.url, 'customer', { companyId: a.id });
    const t1 = await clientOf(customer.token).tickets.create.mutate({ subject: 'one', description: 'x' });
    await clientOf(customer.token).tickets.create.mutate({ subject: 'two', description: 'x' });
    expect(await fx.admin.companies.moveCustomer.mutate({ userId: customer.id, companyId: b.id })).toEqual({ userId: customer.id, companyId: b.id, ticketsMoved: 2 });
    expect(await sql('SELECT id FROM tickets WHERE requester_id = ? AND company_id = ?', [customer.id, b.id])).toHaveLength(2);
    expect((await fx.admin.tickets.get.query({ id: t1.id })).requester.id).toBe(customer.id);
    expect((await fx.admin.companies.moveCustomer.mutate({ userId: customer.id, companyId: null })).ticketsMoved).toBe(2);
    expect(await sql('SELECT id FROM tickets WHERE requester_id = ? AND company_id IS NULL', [customer.id])).toHaveLength(2);

    const agent = await fx.agent({ online: false });
    expect(await kind(fx.admin.companies.moveCustomer.mutate({ userId: agent.id, companyId: a.id }))).toBe('not_found');
    expect(await kind(fx.admin.companies.moveCustomer.mutate({ userId: customer.id, companyId: 999999 }))).toBe('bad_request');
    expect(await kind(agent.client.companies.moveCustomer.mutate({ userId: customer.id, companyId: a.id }))).toBe('forbidden');
  });

  it('lets a company admin list the company’s users and grant the flag, but not for another company', async () => {
    const company = await fx.admin.companies.save.mutate({ name: fx.unique('Adm') });
    const other = await fx.admin.companies.save.mutate({ name: fx.unique('Other') });
    const boss = await createUser(api.url, 'customer', { companyId: company.id });
    const worker = await createUser(api.url, 'customer', { companyId: company.id });
    const stranger = await createUser(api.url, 'customer', { companyId: other.id });
    expect(await kind(clientOf(boss.token).companies.members.query({ companyId: company.id }))).toBe('forbidden');
    await fx.admin.companies.setCompanyAdmin.mutate({ userId: boss.id, companyAdmin: true });
    const bossClient = clientOf(boss.token);
    expect((await bossClient.companies.members.query({ companyId: company.id })).map((m) => m.id).sort()).toEqual([boss.id, worker.id].sort());
    expect(await bossClient.companies.setCompanyAdmin.mutate({ userId: worker.id, companyAdmin: true })).toMatchObject({ id: worker.id, companyAdmin: true });
    expect(await kind(bossClient.companies.setCompanyAdmin.mutate({ userId: stranger.id, companyAdmin: true }))).toBe('not_found');
    expect(await kind(bossClient.companies.members.query({ companyId: other.id }))).toBe('not_found');
    expect(await kind(clientOf(worker.token).companies.members.query({ companyId: company.id }))).toBe('ok');
    expect(await kind(clientOf(stranger.token).companies.members.query({ companyId: company.id }))).toBe('forbidden');
    const agent = await fx.agent({ online: false });
    expect(await kind(agent.client.companies.members.query({ companyId: company.id }))).toBe('forbidden');
    const manager = await fx.agent({ role: 'manager', online: false });
    expect((await manager.client.companies.members.query({ companyId: company.id })).length).toBe(2);
  });
});
