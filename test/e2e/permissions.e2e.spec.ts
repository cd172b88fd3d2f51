import { apiErrorKind, createApiClient, type ApiClient } from '@switchboard/trpc-client';
import { startApi, type RunningApi } from '../support/api.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';

/**
 * Every role against every action on tickets and notes, through both surfaces.
 * 'owner' is the customer who opened the ticket, 'stranger' another customer.
 */
type Who = 'anonymous' | 'owner' | 'stranger' | 'agent' | 'manager' | 'admin';
type Outcome = 'ok' | 'unauthorized' | 'forbidden' | 'not_found';
type ActionName =
  | 'create ticket'
  | 'list tickets'
  | 'read ticket'
  | 'read timeline'
  | 'see internal notes'
  | 'reply publicly'
  | 'add internal note'
  | 'change status'
  | 'read outbox';

const MATRIX: Record<ActionName, Record<Who, Outcome>> = {
  'create ticket': { anonymous: 'unauthorized', owner: 'ok', stranger: 'ok', agent: 'ok', manager: 'ok', admin: 'ok' },
  'list tickets': { anonymous: 'unauthorized', owner: 'ok', stranger: 'ok', agent: 'ok', manager: 'ok', admin: 'ok' },
  'read ticket': { anonymous: 'unauthorized', owner: 'ok', stranger: 'not_found', agent: 'ok', manager: 'ok', admin: 'ok' },
  'read timeline': { anonymous: 'unauthorized', owner: 'ok', stranger: 'not_found', agent: 'ok', manager: 'ok', admin: 'ok' },
  'see internal notes': { anonymous: 'unauthorized', owner: 'forbidden', stranger: 'not_found', agent: 'ok', manager: 'ok', admin: 'ok' },
  'reply publicly': { anonymous: 'unauthorized', owner: 'ok', stranger: 'not_found', agent: 'ok', manager: 'ok', admin: 'ok' },
  'add internal note': { anonymous: 'unauthorized', owner: 'forbidden', stranger: 'not_found', agent: 'ok', manager: 'ok', admin: 'ok' },
  'change status': { anonymous: 'unauthorized', owner: 'forbidden', stranger: 'forbidden', agent: 'ok', manager: 'ok', admin: 'ok' },
  'read outbox': { anonymous: 'unauthorized', owner: 'forbidden', stranger: 'forbidden', agent: 'ok', manager: 'ok', admin: 'ok' },
};
const WHO: Who[] = ['anonymous', 'owner', 'stranger', 'agent', 'manager', 'admin'];

let api: RunningApi;
const tokens = {} as Record<Who, string | null>;
let ticketId: number;
const NOTE = 'secret internal note text';

beforeAll(async () => {
  api = await startApi();
  const [owner, stranger, agent, manager, admin] = await Promise.all(
    (['customer', 'customer', 'agent', 'manager', 'admin'] as const).map((role) => createUser(api.url, role)),
  );
  Object.assign(tokens, { anonymous: null, owner: owner.token, stranger: stranger.token, agent: agent.token, manager: manager.token, admin: admin.token });
  const ownerClient = createApiClient({ url: api.url, token: owner.token });
  ticketId = (await ownerClient.tickets.create.mutate({ subject: 'Matrix', description: 'x' })).id;
  await createApiClient({ url: api.url, token: agent.token }).tickets.reply.mutate({ id: ticketId, body: NOTE, internal: true });
});
afterAll(() => api.close());

async function viaTrpc(client: ApiClient, action: ActionName): Promise<Outcome> {
  try {
    switch (action) {
      case 'create ticket':
        await client.tickets.create.mutate({ subject: 'm', description: 'm' });
        break;
      case 'list tickets':
        await client.tickets.list.query({ pageSize: 100 });
        break;
      case 'read ticket':
        await client.tickets.get.query({ id: ticketId });
        break;
      case 'read timeline':
        await client.tickets.timeline.query({ id: ticketId });
        break;
      case 'see internal notes': {
        const { entries } = await client.tickets.timeline.query({ id: ticketId });
        if (!entries.some((e) => e.visibility === 'internal' && e.body === NOTE)) return 'forbidden';
        break;
      }
      case 'reply publicly':
        await client.tickets.reply.mutate({ id: ticketId, body: 'public reply' });
        break;
      case 'add internal note':
        await client.tickets.reply.mutate({ id: ticketId, body: 'note', internal: true });
        break;
      case 'change status': {
        const current = await client.tickets.get.query({ id: ticketId }).catch(() => null);
        const next = current?.status === 'in_progress' ? 'open' : 'in_progress';
        await client.tickets.update.mutate({ id: ticketId, status: next });
        break;
      }
      case 'read outbox':
        await client.outbox.list.query({});
        break;
    }
    return 'ok';
  } catch (error) {
    const kind = apiErrorKind(error);
    if (kind === 'unauthorized' || kind === 'forbidden' || kind === 'not_found') return kind;
    throw error;
  }
}

const clients = {} as Record<Who, ApiClient>;

describe.each(WHO)('as %s', (who) => {
  beforeAll(() => {
    clients[who] = createApiClient({ url: api.url, token: tokens[who] });
  });

  it.each(Object.keys(MATRIX) as ActionName[])('tRPC: %s', async (action) => {
    expect(await viaTrpc(clients[who], action)).toBe(MATRIX[action][who]);
  });
});

describe('REST surface agrees with the matrix', () => {
  const statusOf: Record<Outcome, number> = { ok: 200, unauthorized: 401, forbidden: 403, not_found: 404 };

  it.each(WHO)('as %s', async (who) => {
    const rest = restClient(api.url);
    const token = tokens[who];
    const seen: Partial<Record<ActionName, number>> = {
      'create ticket': (await rest.post('/tickets', { subject: 'r', description: 'r' }, token)).status,
      'read ticket': (await rest.get(`/tickets/${ticketId}`, token)).status,
      'read timeline': (await rest.get(`/tickets/${ticketId}/timeline`, token)).status,
      'reply publicly': (await rest.post(`/tickets/${ticketId}/replies`, { body: 'r' }, token)).status,
      'add internal note': (await rest.post(`/tickets/${ticketId}/replies`, { body: 'r', internal: true }, token)).status,
      'read outbox': (await rest.get('/outbox', token)).status,
    };
    for (const [action, status] of Object.entries(seen)) {
      expect(`${action}: ${status}`).toBe(`${action}: ${statusOf[MATRIX[action as ActionName][who]]}`);
    }
    const timeline = await rest.get(`/tickets/${ticketId}/timeline`, token);
    const hasNote = JSON.stringify(timeline.body).includes(NOTE);
    expect(hasNote).toBe(MATRIX['see internal notes'][who] === 'ok');
  });

  it('a list carries exactly the tickets the caller may read', async () => {
    const rest = restClient(api.url);
    for (const who of WHO.filter((w) => w !== 'anonymous')) {
      const page = await rest.get('/tickets?pageSize=100', tokens[who]);
      const ids = page.body.items.map((t: { id: number }) => t.id);
      expect(`${who}: ${ids.includes(ticketId)}`).toBe(`${who}: ${MATRIX['read ticket'][who] === 'ok'}`);
    }
  });
});
