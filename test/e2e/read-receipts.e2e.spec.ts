import { apiErrorKind, apiFieldErrors, createApiClient } from '@switchboard/trpc-client';
import { useApi } from '../support/api.js';
import { liveClientFor, record } from '../support/live.js';
import { createUser } from '../support/people.js';

const { api } = useApi();

type LiveEvent = { type: string; ticketId: number; entryId?: number; actorId: number };
const sinceNow = () => `${Date.now() - 1000}-0`;

describe('read receipts', () => {
  it('tell the agent live that the customer has seen the reply; the customer gets no receipts', async () => {
    const customer = await createUser(api.url, 'customer', { name: 'Rita Reader' });
    const agent = await createUser(api.url, 'agent');
    const customerApi = createApiClient({ url: api.url, token: customer.token });
    const agentApi = createApiClient({ url: api.url, token: agent.token });
    const ticket = await customerApi.tickets.create.mutate({ subject: 'Receipts', description: 'x' });
    const note = await agentApi.tickets.reply.mutate({ id: ticket.id, body: 'internal', internal: true });
    const reply = await agentApi.tickets.reply.mutate({ id: ticket.id, body: 'Here is the answer' });

    const since = sinceNow();
    const agentFeed = record<LiveEvent>((h) => liveClientFor(api.url, agent.token).live.ticket.subscribe({ ticketId: ticket.id, lastEventId: since }, h));
    const customerFeed = record<LiveEvent>((h) => liveClientFor(api.url, customer.token).live.ticket.subscribe({ ticketId: ticket.id, lastEventId: since }, h));
    await Promise.all([agentFeed.started, customerFeed.started]);

    expect(await customerApi.live.seen.mutate({ ticketId: ticket.id, entryId: reply.id })).toEqual({ advanced: true });
    await agentFeed.waitFor((e) => e.some((x) => x.type === 'entry.seen'));
    expect(agentFeed.events.filter((x) => x.type === 'entry.seen')).toEqual([
      expect.objectContaining({ type: 'entry.seen', ticketId: ticket.id, entryId: reply.id, actorId: customer.id }),
    ]);
    // Seeing the same (or an older) entry again tells nobody anything new.
    expect(await customerApi.live.seen.mutate({ ticketId: ticket.id, entryId: reply.id })).toEqual({ advanced: false });
    const older = (await customerApi.tickets.timeline.query({ id: ticket.id })).entries.find((e) => e.id < reply.id)!;
    expect(await customerApi.live.seen.mutate({ ticketId: ticket.id, entryId: older.id })).toEqual({ advanced: false });

    const receipts = await agentApi.live.receipts.query({ ticketId: ticket.id });
    expect(receipts).toEqual([expect.objectContaining({ userId: customer.id, name: 'Rita Reader', requester: true, lastEntryId: reply.id })]);

    // The customer: no receipts, not in the live feed nor by query; an internal note's id is "not on the ticket".
    const marker = await agentApi.tickets.reply.mutate({ id: ticket.id, body: 'marker' });
    await customerFeed.waitFor((e) => e.some((x) => x.entryId === marker.id));
    expect(customerFeed.events.some((x) => x.type === 'entry.seen')).toBe(false);
    expect(apiErrorKind(await customerApi.live.receipts.query({ ticketId: ticket.id }).catch((e) => e))).toBe('forbidden');
    const hidden = await customerApi.live.seen.mutate({ ticketId: ticket.id, entryId: note.id }).catch((e) => e);
    expect(apiErrorKind(hidden)).toBe('bad_request');
    expect(apiFieldErrors(hidden)).toHaveProperty('entryId');
    agentFeed.stop();
    customerFeed.stop();
  });

  it('refuse a ticket the reader may not read as not found', async () => {
    const owner = await createUser(api.url, 'customer');
    const stranger = await createUser(api.url, 'customer');
    const ticket = await createApiClient({ url: api.url, token: owner.token }).tickets.create.mutate({ subject: 'Mine', description: 'x' });
    const strangerApi = createApiClient({ url: api.url, token: stranger.token });
    expect(apiErrorKind(await strangerApi.live.seen.mutate({ ticketId: ticket.id, entryId: 1 }).catch((e) => e))).toBe('not_found');
  });
});
