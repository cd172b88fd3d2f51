import { apiErrorKind, apiFieldErrors, createApiClient } from '@switchboard/trpc-client';
import { useApi } from '../support/api.js';
import { sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';
import { staffFixtures } from '../support/staff.js';

/** The CRM view of a customer (customers.profile, customers.addNote) through tRPC and REST. */
const { api } = useApi();
let fx: ReturnType<typeof staffFixtures>;
beforeAll(async () => {
  fx = staffFixtures(api.url, (await createUser(api.url, 'admin')).token);
});

const kind = (promise: Promise<unknown>) => promise.then(() => 'ok', (e) => apiErrorKind(e));
const clientOf = (token: string) => createApiClient({ url: api.url, token });

describe('customer profile', () => {
  it('shows contact details, company, tickets by channel, messages both ways, notes and satisfaction', async () => {
    const company = await fx.admin.companies.save.mutate({ name: fx.unique('Acme') });
    const customer = await createUser(api.url, 'customer', { companyId: company.id, name: 'Petra Customer' });
    const e164 = `+1555${String(Date.now()).slice(-7)}`;
    await sql('INSERT INTO customer_phones (user_id, e164) VALUES (?, ?)', [customer.id, e164]);
    const agent = await fx.agent({ online: false });
    const asCustomer = clientOf(customer.token);
    const first = await asCustomer.tickets.create.mutate({ subject: 'Printer on fire', description: 'Smoke everywhere' });
    const second = await asCustomer.tickets.create.mutate({ subject: 'Invoice question', description: 'Why twice?' });
    await sql("UPDATE tickets SET channel = 'sms' WHERE id = ?", [second.id]);
    await agent.client.tickets.reply.mutate({ id: first.id, body: 'Please step away from the printer' });
    await agent.client.tickets.reply.mutate({ id: first.id, body: 'Internal: call the fire brigade', internal: true });
    await agent.client.tickets.update.mutate({ id: first.id, status: 'resolved' });
    await asCustomer.satisfaction.rate.mutate({ ticketId: first.id, rating: 4, comment: 'Quick' });

    const note = await agent.client.customers.addNote.mutate({ customerId: customer.id, body: 'Prefers phone calls' });
    expect(note).toMatchObject({ body: 'Prefers phone calls', author: { id: agent.id } });

    const profile = await agent.client.customers.profile.query({ id: customer.id });
    expect(profile).toMatchObject({
      id: customer.id,
      name: 'Petra Customer',
      emails: [customer.email],
      phones: [{ e164, optedOut: false }],
      company: { id: company.id, name: company.name },
      ticketCount: 2,
      openTicketCount: 1,
      notes: [{ id: note.id, body: 'Prefers phone calls', author: { id: agent.id } }],
      satisfaction: { average: 4, count: 1, ratings: [{ ticketId: first.id, rating: 4, comment: 'Quick', subject: 'Printer on fire' }] },
    });
    expect(profile.channels).toEqual(expect.arrayContaining([{ channel: 'portal', count: 1 }, { channel: 'sms', count: 1 }]));
    // Messages both ways, newest first; internal notes on tickets are not interactions with the customer.
    const excerpts = profile.interactions.map((i) => [i.ticketId, i.fromCustomer, i.excerpt]);
    expect(excerpts).toContainEqual([first.id, false, 'Please step away from the printer']);
    expect(excerpts).toContainEqual([first.id, true, 'Smoke everywhere']);
    expect(excerpts).toContainEqual([second.id, true, 'Why twice?']);
    expect(excerpts.some(([, , text]) => String(text).includes('fire brigade'))).toBe(false);

    // Their tickets come from the ticket list, scoped like any other list.
    const tickets = await agent.client.tickets.list.query({ requesterId: customer.id, pageSize: 100 });
    expect(tickets.items.map((t) => t.id).sort()).toEqual([first.id, second.id].sort());

    // REST is the same procedure.
    const rest = await restClient(api.url).get(`/customers/${customer.id}/profile`, agent.token);
    expect(rest.status).toBe(200);
    expect(rest.body.notes[0].body).toBe('Prefers phone calls');
  });

  it('is staff-only: customers and company admins get 403, and notes never reach them', async () => {
    const company = await fx.admin.companies.save.mutate({ name: fx.unique('Co') });
    const boss = await createUser(api.url, 'customer', { companyId: company.id });
    const worker = await createUser(api.url, 'customer', { companyId: company.id });
    await fx.admin.companies.setCompanyAdmin.mutate({ userId: boss.id, companyAdmin: true });
    for (const who of [boss, worker]) {
      expect(await kind(clientOf(who.token).customers.profile.query({ id: worker.id }))).toBe('forbidden');
      expect(await kind(clientOf(who.token).customers.addNote.mutate({ customerId: worker.id, body: 'x' }))).toBe('forbidden');
    }
    expect((await restClient(api.url).get(`/customers/${worker.id}/profile`, worker.token)).status).toBe(403);
  });

  it('refuses bad input naming the field, and staff or unknown ids as not found', async () => {
    const agent = await fx.agent({ online: false });
    const customer = await createUser(api.url, 'customer');
    expect(apiFieldErrors(await agent.client.customers.addNote.mutate({ customerId: customer.id, body: '   ' }).catch((e) => e))).toHaveProperty('body');
    expect(apiFieldErrors(await agent.client.customers.addNote.mutate({ customerId: customer.id, body: 'x'.repeat(5001) }).catch((e) => e))).toHaveProperty('body');
    expect(await kind(agent.client.customers.profile.query({ id: agent.id }))).toBe('not_found');
    expect(await kind(agent.client.customers.profile.query({ id: 2_000_000_000 }))).toBe('not_found');
    const missing = await agent.client.customers.addNote.mutate({ customerId: 2_000_000_000, body: 'x' }).catch((e) => e);
    expect(apiErrorKind(missing)).toBe('not_found');
    expect(await sql("SELECT action FROM audit_log WHERE action = 'customer.note_added' AND subject_id = ?", [String(customer.id)])).toEqual([]);
  });
});
