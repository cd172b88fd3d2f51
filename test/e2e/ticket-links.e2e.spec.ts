import { apiErrorKind, apiFieldErrors, createApiClient, type ApiClient } from '@switchboard/trpc-client';
import { startApi, startWorker, type RunningApi } from '../support/api.js';
import { eventually, sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';

let api: RunningApi;
let worker: { close(): Promise<void> };
let agent: ApiClient;
let customer: ApiClient;
let other: ApiClient;
let agentToken: string;
let customerEmail: string;

beforeAll(async () => {
  api = await startApi();
  worker = await startWorker();
  const [a, c, o] = await Promise.all([createUser(api.url, 'agent'), createUser(api.url, 'customer', { name: 'Mo Merge' }), createUser(api.url, 'customer')]);
  [agent, customer, other] = [a, c, o].map((u) => createApiClient({ url: api.url, token: u.token }));
  agentToken = a.token;
  customerEmail = c.email;
});
afterAll(async () => {
  await worker.close();
  await api.close();
});

describe('merge', () => {
  it('moves the duplicate’s timeline under the target, closes it with a link, and tells the requester once', async () => {
    const target = await customer.tickets.create.mutate({ subject: 'Cannot pay', description: 'Card declined' });
    await new Promise((r) => setTimeout(r, 20));
    const dup = await customer.tickets.create.mutate({ subject: 'Payment broken', description: 'Still declined today' });
    await agent.tickets.update.mutate({ id: dup.id, tags: ['payments'] });

    const merged = await agent.tickets.merge.mutate({ id: dup.id, targetId: target.id });
    expect(merged.id).toBe(target.id);
    expect(merged.tags).toEqual(['payments']);

    const timeline = await customer.tickets.timeline.query({ id: target.id });
    const bodies = timeline.entries.filter((e) => e.kind === 'message').map((e) => e.body);
    expect(bodies).toEqual(['Card declined', 'Still declined today']);
    expect(timeline.entries.some((e) => e.event?.field === 'merged_from' && e.event.to === `#${dup.id}`)).toBe(true);

    const source = await customer.tickets.get.query({ id: dup.id });
    expect(source.status).toBe('closed');
    expect((await customer.tickets.links.query({ id: dup.id })).links).toEqual([
      { kind: 'merged', direction: 'outgoing', ticket: { id: target.id, number: target.id, subject: 'Cannot pay', status: 'open' } },
    ]);
    expect((await agent.tickets.links.query({ id: target.id })).links[0]).toMatchObject({ kind: 'merged', direction: 'incoming' });

    const messages = await eventually(async () => {
      const rows = await sql<{ subject: string }>("SELECT subject FROM outbound_messages WHERE recipient = ? AND subject LIKE '%continues here%'", [customerEmail]);
      return rows.length ? rows : null;
    });
    expect(messages).toHaveLength(1);
    expect(messages[0].subject).toBe(`[#${target.id}] Your request #${dup.id} continues here: Cannot pay`);
  });

  it('refuses merges across requesters, into itself, of closed tickets, and by customers', async () => {
    const mine = await customer.tickets.create.mutate({ subject: 'a', description: 'a' });
    const theirs = await other.tickets.create.mutate({ subject: 'b', description: 'b' });
    const across = await agent.tickets.merge.mutate({ id: mine.id, targetId: theirs.id }).catch((e) => e);
    expect(apiFieldErrors(across)).toEqual({ targetId: 'only tickets of the same requester can be merged' });
    expect(apiFieldErrors(await agent.tickets.merge.mutate({ id: mine.id, targetId: mine.id }).catch((e) => e))).toEqual({ targetId: 'must be another ticket' });
    const closed = await customer.tickets.create.mutate({ subject: 'c', description: 'c' });
    await agent.tickets.update.mutate({ id: closed.id, status: 'closed' });
    expect(apiFieldErrors(await agent.tickets.merge.mutate({ id: mine.id, targetId: closed.id }).catch((e) => e))).toEqual({ targetId: `ticket #${closed.id} is closed` });
    expect(apiErrorKind(await customer.tickets.merge.mutate({ id: mine.id, targetId: closed.id }).catch((e) => e))).toBe('forbidden');
  });
});

describe('split', () => {
  it('turns one customer message into a new linked ticket with the same requester', async () => {
    const t = await customer.tickets.create.mutate({ subject: 'Two problems', description: 'First: login fails.' });
    const second = await customer.tickets.reply.mutate({ id: t.id, body: 'Also: my invoice address is wrong.\nIt says Main St.' });
    const fresh = await agent.tickets.split.mutate({ id: t.id, entryId: second.id });
    expect(fresh).toMatchObject({ subject: 'Also: my invoice address is wrong.', requester: { email: customerEmail }, status: 'open' });

    const left = await agent.tickets.timeline.query({ id: t.id });
    expect(left.entries.map((e) => e.body)).not.toContain(second.body);
    const moved = await customer.tickets.timeline.query({ id: fresh.id });
    expect(moved.entries.find((e) => e.kind === 'message')?.body).toBe('Also: my invoice address is wrong.\nIt says Main St.');
    expect((await customer.tickets.links.query({ id: fresh.id })).links).toEqual([
      { kind: 'split', direction: 'incoming', ticket: { id: t.id, number: t.id, subject: 'Two problems', status: 'open' } },
    ]);
    const event = await agent.tickets.split.mutate({ id: t.id, entryId: left.entries.find((e) => e.kind === 'event')!.id }).catch((e) => e);
    expect(apiFieldErrors(event)).toEqual({ entryId: 'only a customer message can be split off' });
  });
});

describe('related links', () => {
  it('links and unlinks, over tRPC and REST, and never names a ticket the caller may not read', async () => {
    const a = await customer.tickets.create.mutate({ subject: 'A', description: 'a' });
    const b = await other.tickets.create.mutate({ subject: 'B', description: 'b' });
    const linked = await agent.tickets.link.mutate({ id: a.id, otherId: b.id });
    expect(linked.links).toEqual([{ kind: 'related', direction: 'outgoing', ticket: { id: b.id, number: b.id, subject: 'B', status: 'open' } }]);
    // The customer sees their ticket's links, but not another customer's ticket.
    expect((await customer.tickets.links.query({ id: a.id })).links).toEqual([]);

    const rest = restClient(api.url);
    const res = await rest.raw('DELETE', `/api/v1/tickets/${a.id}/links/${b.id}`, agentToken);
    expect(res.status).toBe(200);
    expect(res.body.links).toEqual([]);
    expect(apiFieldErrors(await agent.tickets.link.mutate({ id: a.id, otherId: 99999999 }).catch((e) => e))).toEqual({ otherId: 'there is no ticket #99999999' });
  });
});
