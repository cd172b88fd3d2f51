import { signRatingToken } from '../../apps/api/src/satisfaction/rating-token.js';
import { DEV_SIGNING_SECRET } from '../../apps/api/src/config/config.schema.js';
import { apiErrorKind, apiFieldErrors, createApiClient } from '@switchboard/trpc-client';
import { useApi } from '../support/api.js';
import { eventually, sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';

const { api } = useApi({ worker: true });

const PORTAL = 'http://localhost:3000';
const anonymous = () => createApiClient({ url: api.url });

/** A ticket of a fresh customer, answered and resolved by a fresh agent. */
async function resolvedTicket(resolve = true) {
  const customer = await createUser(api.url, 'customer', { name: 'Rita Rater' });
  const agent = await createUser(api.url, 'agent');
  const client = createApiClient({ url: api.url, token: customer.token });
  const agentClient = createApiClient({ url: api.url, token: agent.token });
  const ticket = await client.tickets.create.mutate({ subject: 'Rate me', description: 'x' });
  await agentClient.tickets.reply.mutate({ id: ticket.id, body: 'Fixed it' });
  if (resolve) await agentClient.tickets.update.mutate({ id: ticket.id, status: 'resolved' });
  return { customer, agent, client, agentClient, ticket };
}

/** The rating email the worker recorded, and the token its links carry. */
async function ratingEmail(ticketId: number) {
  const message = await eventually(async () => {
    const rows = await sql<{ recipient: string; subject: string; body: string }>(
      "SELECT recipient, subject, body FROM outbound_messages WHERE ticket_id = ? AND subject LIKE '%How did we do%'",
      [ticketId],
    );
    return rows[0];
  });
  const links = [...message.body.matchAll(/(http\S+\/rate\/(\S+)\?score=(\d))/g)];
  return { message, links, token: links[0][2] };
}

describe('rating from the portal', () => {
  it('lets the requester rate a resolved ticket, credits the agent who replied, and replaces an earlier rating', async () => {
    const { customer, agent, client, agentClient, ticket } = await resolvedTicket();
    const first = await client.satisfaction.rate.mutate({ ticketId: ticket.id, rating: 4, comment: 'Quick' });
    expect(first).toMatchObject({ ticketId: ticket.id, rating: 4, comment: 'Quick', customerId: customer.id, agentId: agent.id, source: 'portal' });
    await client.satisfaction.rate.mutate({ ticketId: ticket.id, rating: 5 });
    const seen = await agentClient.satisfaction.forTicket.query({ ticketId: ticket.id });
    expect(seen.rating).toMatchObject({ rating: 5, comment: null });
    expect(await sql('SELECT rating FROM satisfaction_ratings WHERE ticket_id = ?', [ticket.id])).toHaveLength(1);
    const audits = await sql<{ action: string }>("SELECT action FROM audit_log WHERE subject_id = ? AND action = 'satisfaction.rated'", [String(ticket.id)]);
    expect(audits).toHaveLength(2);
  });

  it('refuses a ticket that is not resolved, another customer, staff, and a score outside 1-5', async () => {
    const { client, agentClient, ticket } = await resolvedTicket(false);
    const notResolved = await client.satisfaction.rate.mutate({ ticketId: ticket.id, rating: 3 }).catch((e) => e);
    expect(apiErrorKind(notResolved)).toBe('bad_request');
    expect(apiFieldErrors(notResolved)).toHaveProperty('ticketId');

    await agentClient.tickets.update.mutate({ id: ticket.id, status: 'resolved' });
    const stranger = await createUser(api.url, 'customer');
    const strangerClient = createApiClient({ url: api.url, token: stranger.token });
    expect(apiErrorKind(await strangerClient.satisfaction.rate.mutate({ ticketId: ticket.id, rating: 1 }).catch((e) => e))).toBe('not_found');
    expect(apiErrorKind(await strangerClient.satisfaction.forTicket.query({ ticketId: ticket.id }).catch((e) => e))).toBe('not_found');
    expect(apiErrorKind(await agentClient.satisfaction.rate.mutate({ ticketId: ticket.id, rating: 1 }).catch((e) => e))).toBe('forbidden');
    expect(apiErrorKind(await client.satisfaction.rate.mutate({ ticketId: ticket.id, rating: 6 }).catch((e) => e))).toBe('bad_request');
    expect((await client.satisfaction.forTicket.query({ ticketId: ticket.id })).rating).toBeNull();
  });
});

describe('rating from a one-click email link', () => {
  it('emails the requester five signed links when the ticket is resolved', async () => {
    const { customer, ticket } = await resolvedTicket();
    const { message, links } = await ratingEmail(ticket.id);
    expect(message.recipient).toBe(customer.email);
    expect(links.map((l) => l[3])).toEqual(['1', '2', '3', '4', '5']);
    expect(links[0][1].startsWith(`${PORTAL}/rate/`)).toBe(true);
    expect(new Set(links.map((l) => l[2])).size).toBe(1);
  });

  it('records a rating once per link, without signing in', async () => {
    const { customer, agent, ticket } = await resolvedTicket();
    const { token } = await ratingEmail(ticket.id);
    const rated = await anonymous().satisfaction.rateByToken.mutate({ token, rating: 2, comment: 'Slow' });
    expect(rated).toMatchObject({ ticketId: ticket.id, rating: 2, comment: 'Slow', customerId: customer.id, agentId: agent.id, source: 'link' });

    const reused = await anonymous().satisfaction.rateByToken.mutate({ token, rating: 5 }).catch((e) => e);
    expect(apiErrorKind(reused)).toBe('conflict');
    const [row] = await sql<{ rating: number }>('SELECT rating FROM satisfaction_ratings WHERE ticket_id = ?', [ticket.id]);
    expect(row.rating).toBe(2);
  });

  it('refuses forged, expired and malformed tokens, and tickets that are not resolved', async () => {
    const { ticket, agentClient } = await resolvedTicket();
    const forged = signRatingToken('not-the-server-secret-at-all', ticket.id, 86_400_000);
    const expired = signRatingToken(DEV_SIGNING_SECRET, ticket.id, 1000, Date.now() - 10_000);
    const rest = restClient(api.url);
    for (const [token, text] of [
      [forged, /not valid/],
      ['garbage', /not valid/],
      [expired, /expired/],
    ] as const) {
      const res = await rest.post('/ratings/by-token', { token, rating: 3 });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(text);
    }

    await agentClient.tickets.update.mutate({ id: ticket.id, status: 'open' });
    const valid = signRatingToken(DEV_SIGNING_SECRET, ticket.id, 86_400_000);
    const notResolved = await rest.post('/ratings/by-token', { token: valid, rating: 3 });
    expect(notResolved.status).toBe(400);
    expect(await sql('SELECT 1 FROM satisfaction_ratings WHERE ticket_id = ?', [ticket.id])).toHaveLength(0);
    // The refusal did not use the link up: once resolved again it still works.
    await agentClient.tickets.update.mutate({ id: ticket.id, status: 'resolved' });
    expect((await rest.post('/ratings/by-token', { token: valid, rating: 3 })).status).toBe(200);
  });
});
