import { createApiClient, apiErrorKind } from '@switchboard/trpc-client';
import { createWorker } from '../../apps/api/src/bootstrap.js';
import { AutoCloseJob } from '../../apps/api/src/tickets/auto-close/auto-close.job.js';
import { startApi, type RunningApi } from '../support/api.js';
import { sql } from '../support/db.js';
import { liveClientFor, record } from '../support/live.js';
import { createUser } from '../support/people.js';

// Two api processes' worth of Nest apps, each with its own Redis connections and hub: an event
// caused through one reaches a subscriber held by the other only through Redis.
let a: RunningApi;
let b: RunningApi;
let worker: Awaited<ReturnType<typeof createWorker>>['worker'];
beforeAll(async () => {
  [a, b] = await Promise.all([startApi(), startApi()]);
  // Started after the apis and closed after them: passport's bearer strategy is process-global, and
  // the last Nest app to register it (this worker) serves the apis' authentication in this process.
  ({ worker } = await createWorker());
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await worker?.close();
});

/** Resume from "a second ago": stream ids are Redis times, so this replays anything newer and misses nothing. */
const sinceNow = () => `${Date.now() - 1000}-0`;

type LiveEvent = { type: string; ticketId: number; entryId?: number; kind?: string; visibility?: string; changes?: Array<{ field: string }> };

async function ticketFor(customerToken: string, subject = 'Live') {
  return createApiClient({ url: b.url, token: customerToken }).tickets.create.mutate({ subject, description: 'help' });
}

describe('fan-out across api processes', () => {
  it('delivers a reply made through one process to the customer subscribed on the other', async () => {
    const customer = await createUser(a.url, 'customer');
    const agent = await createUser(a.url, 'agent');
    const ticket = await ticketFor(customer.token);
    const since = sinceNow();
    const live = record<LiveEvent>((h) => liveClientFor(a.url, customer.token).live.ticket.subscribe({ ticketId: ticket.id, lastEventId: since }, h));
    await createApiClient({ url: b.url, token: agent.token }).tickets.reply.mutate({ id: ticket.id, body: 'On it' });
    const events = await live.waitFor((e) => e.some((x) => x.type === 'entry.added'));
    live.stop();
    expect(events.find((x) => x.type === 'entry.added')).toMatchObject({ ticketId: ticket.id, kind: 'reply', visibility: 'public' });
    expect(live.ids.every((id) => /^\d+-\d+$/.test(id))).toBe(true);
  });

  it('tells agents on the other process about new, assigned and changed tickets in the queue', async () => {
    const customer = await createUser(a.url, 'customer');
    const agent = await createUser(a.url, 'agent');
    const since = sinceNow();
    const queue = record<LiveEvent>((h) => liveClientFor(a.url, agent.token).live.queue.subscribe({ lastEventId: since }, h));
    const ticket = await ticketFor(customer.token, 'Queue me');
    await createApiClient({ url: b.url, token: agent.token }).tickets.update.mutate({ id: ticket.id, assigneeId: agent.id, status: 'in_progress' });
    const mine = (e: LiveEvent[]) => e.filter((x) => x.ticketId === ticket.id);
    await queue.waitFor((e) => mine(e).length >= 2);
    queue.stop();
    expect(mine(queue.events).map((x) => x.type)).toEqual(['ticket.created', 'ticket.updated']);
    expect(mine(queue.events)[1]!.changes!.map((c) => c.field).sort()).toEqual(['assignee', 'status']);
  });
});

describe('changes made by the worker', () => {
  it('reach subscribers on the api processes (auto-close)', async () => {
    const customer = await createUser(a.url, 'customer');
    const agent = await createUser(a.url, 'agent');
    const ticket = await ticketFor(customer.token);
    await createApiClient({ url: b.url, token: agent.token }).tickets.update.mutate({ id: ticket.id, status: 'resolved' });
    await sql('UPDATE tickets SET resolved_at = ? WHERE id = ?', [new Date(Date.now() - 30 * 86_400_000), ticket.id]);
    const since = sinceNow();
    const live = record<LiveEvent & { status?: string }>((h) =>
      liveClientFor(a.url, customer.token).live.ticket.subscribe({ ticketId: ticket.id, lastEventId: since }, h),
    );
    try {
      expect(await worker.get(AutoCloseJob).run()).toContain(ticket.id);
      await live.waitFor((e) => e.some((x) => x.type === 'ticket.updated' && x.status === 'closed'));
    } finally {
      live.stop();
    }
  });
});

describe('resuming after a reconnect', () => {
  it('replays exactly the events missed while disconnected, in order, without repeats', async () => {
    const customer = await createUser(a.url, 'customer');
    const agent = await createUser(a.url, 'agent');
    const agentApi = createApiClient({ url: b.url, token: agent.token });
    const ticket = await ticketFor(customer.token);
    const since = sinceNow();
    const first = record<LiveEvent>((h) => liveClientFor(a.url, customer.token).live.ticket.subscribe({ ticketId: ticket.id, lastEventId: since }, h));
    const one = await agentApi.tickets.reply.mutate({ id: ticket.id, body: 'one' });
    await first.waitFor((e) => e.some((x) => x.entryId === one.id));
    const lastSeen = first.ids.at(-1)!;
    first.stop();

    const missed = [];
    for (const body of ['two', 'three', 'four']) missed.push((await agentApi.tickets.reply.mutate({ id: ticket.id, body })).id);

    const again = record<LiveEvent>((h) => liveClientFor(b.url, customer.token).live.ticket.subscribe({ ticketId: ticket.id, lastEventId: lastSeen }, h));
    await again.waitFor((e) => e.filter((x) => x.type === 'entry.added').length >= 3);
    const five = await agentApi.tickets.reply.mutate({ id: ticket.id, body: 'five' });
    await again.waitFor((e) => e.some((x) => x.entryId === five.id));
    again.stop();
    expect(again.events.filter((x) => x.type === 'entry.added').map((x) => x.entryId)).toEqual([...missed, five.id]);
    expect(new Set(again.ids).size).toBe(again.ids.length);
  });
});

describe('authorization of subscriptions', () => {
  it('never shows a customer an internal note, while the agent sees it', async () => {
    const customer = await createUser(a.url, 'customer');
    const agent = await createUser(a.url, 'agent');
    const agentApi = createApiClient({ url: b.url, token: agent.token });
    const ticket = await ticketFor(customer.token);
    const since = sinceNow();
    const theirs = record<LiveEvent>((h) => liveClientFor(a.url, customer.token).live.ticket.subscribe({ ticketId: ticket.id, lastEventId: since }, h));
    const ours = record<LiveEvent>((h) => liveClientFor(a.url, agent.token).live.ticket.subscribe({ ticketId: ticket.id, lastEventId: since }, h));
    const note = await agentApi.tickets.reply.mutate({ id: ticket.id, body: 'internal only', internal: true });
    const reply = await agentApi.tickets.reply.mutate({ id: ticket.id, body: 'public' });
    await ours.waitFor((e) => e.some((x) => x.entryId === reply.id));
    await theirs.waitFor((e) => e.some((x) => x.entryId === reply.id));
    theirs.stop();
    ours.stop();
    // Added entries only: the reply's notification email may already announce its delivery (entry.updated, decision 029).
    const added = (events: LiveEvent[]) => events.filter((x) => x.type === 'entry.added').map((x) => x.entryId);
    expect(added(ours.events)).toEqual([note.id, reply.id]);
    expect(added(theirs.events)).toEqual([reply.id]);
    expect(JSON.stringify(theirs.events)).not.toContain('internal');
  });

  it('refuses another customer’s ticket and keeps their queue events away', async () => {
    const customer = await createUser(a.url, 'customer');
    const stranger = await createUser(a.url, 'customer');
    const theirTicket = await ticketFor(stranger.token, 'Not yours');
    const refused = record<LiveEvent>((h) => liveClientFor(a.url, customer.token).live.ticket.subscribe({ ticketId: theirTicket.id }, h));
    const errors = await (async () => {
      const deadline = Date.now() + 10_000;
      while (refused.errors.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      return refused.errors;
    })();
    refused.stop();
    expect(apiErrorKind(errors[0])).toBe('not_found');
    expect(refused.events).toEqual([]);

    const since = sinceNow();
    const queue = record<LiveEvent>((h) => liveClientFor(a.url, customer.token).live.queue.subscribe({ lastEventId: since }, h));
    const other = await ticketFor(stranger.token, 'Also not yours');
    const own = await ticketFor(customer.token, 'Mine');
    await queue.waitFor((e) => e.some((x) => x.ticketId === own.id));
    queue.stop();
    expect(queue.events.some((x) => x.ticketId === other.id || x.ticketId === theirTicket.id)).toBe(false);
  });

  it('refuses an anonymous subscriber', async () => {
    const anonymous = record<LiveEvent>((h) => liveClientFor(a.url, 'not-a-token').live.queue.subscribe(undefined, h));
    const deadline = Date.now() + 10_000;
    while (anonymous.errors.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    anonymous.stop();
    expect(apiErrorKind(anonymous.errors[0])).toBe('unauthorized');
  });
});

describe('notifications and presence', () => {
  it('puts an @mention and an assignment in the bell, live, and marks them read', async () => {
    const author = await createUser(a.url, 'agent');
    const colleague = await createUser(a.url, 'agent');
    const customer = await createUser(a.url, 'customer');
    const ticket = await ticketFor(customer.token);
    const bell = record<{ unread: number; latestId: number | null }>((h) =>
      liveClientFor(a.url, colleague.token).live.notifications.subscribe(undefined, h),
    );
    await bell.waitFor((e) => e.length >= 1);
    expect(bell.events[0]).toEqual({ unread: 0, latestId: null });
    const authorApi = createApiClient({ url: b.url, token: author.token });
    await authorApi.tickets.reply.mutate({ id: ticket.id, body: `@${colleague.email.split('@')[0]} can you look?`, internal: true });
    await authorApi.tickets.update.mutate({ id: ticket.id, assigneeId: colleague.id });
    await bell.waitFor((e) => e.at(-1)!.unread === 2);

    const mine = createApiClient({ url: b.url, token: colleague.token });
    const inbox = await mine.inbox.list.query();
    expect(inbox.unread).toBe(2);
    expect(inbox.items.map((n) => [n.kind, n.ticketId])).toEqual([
      ['assigned', ticket.id],
      ['mention', ticket.id],
    ]);
    // Someone else's ids are ignored; the user's own are marked.
    const strangerApi = createApiClient({ url: b.url, token: author.token });
    expect((await strangerApi.inbox.markRead.mutate({ ids: inbox.items.map((n) => n.id) })).marked).toBe(0);
    expect(await mine.inbox.markRead.mutate({ all: true })).toEqual({ marked: 2, unread: 0 });
    await bell.waitFor((e) => e.at(-1)!.unread === 0);
    bell.stop();
  });

  it('shows agents who is viewing and replying, and a customer only that a reply is being written', async () => {
    const ana = await createUser(a.url, 'agent', { name: 'Ana' });
    const bo = await createUser(a.url, 'agent', { name: 'Bo' });
    const customer = await createUser(a.url, 'customer');
    const ticket = await ticketFor(customer.token);
    type P = Array<{ userId: number; name: string; state: string }>;
    const boSees = record<P>((h) => liveClientFor(a.url, bo.token).live.presence.subscribe({ ticketId: ticket.id }, h));
    const customerSees = record<P>((h) => liveClientFor(a.url, customer.token).live.presence.subscribe({ ticketId: ticket.id }, h));
    await boSees.waitFor((e) => e.length >= 1);
    await customerSees.waitFor((e) => e.length >= 1);
    const anaApi = createApiClient({ url: b.url, token: ana.token });
    await anaApi.live.heartbeat.mutate({ ticketId: ticket.id, state: 'viewing' });
    await boSees.waitFor((e) => e.some((l) => l.some((p) => p.name === 'Ana' && p.state === 'viewing')));
    await anaApi.live.heartbeat.mutate({ ticketId: ticket.id, state: 'noting' });
    await boSees.waitFor((e) => e.some((l) => l.some((p) => p.name === 'Ana' && p.state === 'noting')));
    await anaApi.live.heartbeat.mutate({ ticketId: ticket.id, state: 'replying' });
    await customerSees.waitFor((e) => e.some((l) => l.some((p) => p.state === 'replying')));
    await anaApi.live.heartbeat.mutate({ ticketId: ticket.id, state: 'left' });
    await boSees.waitFor((e) => e.at(-1)!.length === 0);
    boSees.stop();
    customerSees.stop();
    // The customer never saw Ana merely viewing or writing a note, nor her name or id.
    expect(customerSees.events.flat().every((p) => p.state === 'replying')).toBe(true);
    expect(customerSees.events.flat().some((p) => p.name === 'Ana' || p.userId === ana.id)).toBe(false);
    // A customer may not announce presence.
    const customerApi = createApiClient({ url: b.url, token: customer.token });
    expect(apiErrorKind(await customerApi.live.heartbeat.mutate({ ticketId: ticket.id, state: 'viewing' }).catch((e) => e))).toBe('forbidden');
  });
});
