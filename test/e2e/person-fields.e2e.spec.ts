import { createApiClient, type ApiClient } from '@switchboard/trpc-client';
import { useApi } from '../support/api.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';
import { staffFixtures } from '../support/staff.js';

/**
 * Field-level rules on people (CASL `Person` field rules): who sees whose contact data on tickets and
 * timelines, per role, through tRPC and REST.
 */
const { api } = useApi();
let fx: ReturnType<typeof staffFixtures>;
beforeAll(async () => {
  fx = staffFixtures(api.url, (await createUser(api.url, 'admin')).token);
});

const clientOf = (token: string): ApiClient => createApiClient({ url: api.url, token });

/** A `company`-visibility company: Bob's ticket, taken and answered by an agent; Alice a colleague, Carol its company admin. */
async function scene() {
  const company = await fx.admin.companies.save.mutate({ name: fx.unique('Co'), ticketVisibility: 'company' });
  const alice = await createUser(api.url, 'customer', { companyId: company.id, name: 'Alice' });
  const bob = await createUser(api.url, 'customer', { companyId: company.id, name: 'Bob' });
  const carol = await createUser(api.url, 'customer', { companyId: company.id, name: 'Carol' });
  await fx.admin.companies.setCompanyAdmin.mutate({ userId: carol.id, companyAdmin: true });
  const agent = await fx.agent({ name: 'Agent Dee' });
  const ticket = await clientOf(bob.token).tickets.create.mutate({ subject: 'Bob asks', description: 'x' });
  await agent.client.tickets.take.mutate({ id: ticket.id });
  await agent.client.tickets.reply.mutate({ id: ticket.id, body: 'On it' });
  return { company, alice, bob, carol, agent, ticket };
}

const authors = (entries: { author: { id: number; name: string; email: string | null } | null }[]) =>
  entries.filter((e) => e.author).map((e) => e.author!);

describe('people on tickets: contact data is a field rule', () => {
  it('a colleague sees the requester and the agent by name only; their own email still shows on their own ticket', async () => {
    const { alice, bob, agent, ticket } = await scene();
    const asAlice = clientOf(alice.token);
    const seen = await asAlice.tickets.get.query({ id: ticket.id });
    expect(seen.requester).toEqual({ id: bob.id, name: 'Bob', email: null, role: 'customer' });
    expect(seen.assignee).toEqual({ id: agent.id, name: 'Agent Dee', email: null, role: 'agent' });
    const listed = (await asAlice.tickets.list.query({ pageSize: 100 })).items.find((t) => t.id === ticket.id)!;
    expect(listed.requester.email).toBeNull();
    expect(listed.assignee?.email).toBeNull();
    for (const author of authors((await asAlice.tickets.timeline.query({ id: ticket.id })).entries)) expect(author.email).toBeNull();
    // REST is the same procedure: the same fields are missing.
    const rest = await restClient(api.url).get(`/tickets/${ticket.id}`, alice.token);
    expect(rest.body.requester.email).toBeNull();

    const own = await asAlice.tickets.create.mutate({ subject: 'Mine', description: 'x' });
    expect(own.requester).toEqual({ id: alice.id, name: 'Alice', email: alice.email, role: 'customer' });
  });

  it('the requester sees their own address but not the agent’s', async () => {
    const { bob, agent, ticket } = await scene();
    const seen = await clientOf(bob.token).tickets.get.query({ id: ticket.id });
    expect(seen.requester.email).toBe(bob.email);
    expect(seen.assignee).toMatchObject({ id: agent.id, email: null });
    const timelineAuthors = authors((await clientOf(bob.token).tickets.timeline.query({ id: ticket.id })).entries);
    expect(timelineAuthors.find((a) => a.id === agent.id)).toMatchObject({ name: 'Agent Dee', email: null });
    expect(timelineAuthors.find((a) => a.id === bob.id)?.email).toBe(bob.email);
  });

  it('the company admin sees colleagues’ contact data, still not staff addresses', async () => {
    const { carol, bob, ticket } = await scene();
    const seen = await clientOf(carol.token).tickets.get.query({ id: ticket.id });
    expect(seen.requester.email).toBe(bob.email);
    expect(seen.assignee?.email).toBeNull();
  });

  it('staff see everyone’s contact data', async () => {
    const { bob, agent, ticket } = await scene();
    const manager = await fx.agent({ role: 'manager', online: false });
    for (const client of [agent.client, manager.client, fx.admin]) {
      const seen = await client.tickets.get.query({ id: ticket.id });
      expect(seen.requester.email).toBe(bob.email);
      expect(seen.assignee?.email).toBe(agent.email);
    }
  });
});
