import { createApiClient } from '@switchboard/trpc-client';
import { startApi, type RunningApi } from '../support/api.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';

let api: RunningApi;
let rest: ReturnType<typeof restClient>;
let customer: { token: string; id: number };
let agent: { token: string; id: number };
let ticketId: number;
/** Entry ids in the order they were written: message, reply, note, reply, message. */
const ids: number[] = [];
let noteId: number;

beforeAll(async () => {
  api = await startApi();
  rest = restClient(api.url);
  customer = await createUser(api.url, 'customer');
  agent = await createUser(api.url, 'agent');
  const { body: ticket } = await rest.post('/tickets', { subject: 'Paging', description: 'entry 1' }, customer.token);
  ticketId = ticket.id;
  const first = await rest.get(`/tickets/${ticketId}/timeline`, agent.token);
  ids.push(first.body.entries[0].id);
  const steps: Array<[string, boolean]> = [
    [agent.token, false],
    [agent.token, true],
    [agent.token, false],
    [customer.token, false],
  ];
  for (const [i, [token, internal]] of steps.entries()) {
    const { body, status } = await rest.post(`/tickets/${ticketId}/replies`, { body: `entry ${i + 2}`, internal }, token);
    expect(status).toBe(200);
    ids.push(body.id);
    if (internal) noteId = body.id;
  }
});
afterAll(() => api.close());

type Page = { entries: Array<{ id: number; kind: string; visibility: string; createdAt: string }>; olderCursor: string | null };

/** Follows olderCursor to the oldest page; returns the pages newest first. */
async function allPages(token: string, query: string): Promise<Page[]> {
  const pages: Page[] = [];
  let before: string | null = null;
  do {
    const { status, body } = await rest.get<Page>(
      `/tickets/${ticketId}/timeline?${query}${before ? `&before=${encodeURIComponent(before)}` : ''}`,
      token,
    );
    expect(status).toBe(200);
    pages.push(body);
    before = body.olderCursor;
    expect(pages.length).toBeLessThan(10);
  } while (before);
  return pages;
}

const chronological = (page: Page) =>
  page.entries.every((e, i, all) => i === 0 || Date.parse(all[i - 1]!.createdAt) < Date.parse(e.createdAt) || (all[i - 1]!.createdAt === e.createdAt && all[i - 1]!.id < e.id));

describe('GET /tickets/{id}/timeline pages', () => {
  it('without paging arguments answers the newest 50 and no cursor, as before (backward compatible)', async () => {
    const { body } = await rest.get<Page>(`/tickets/${ticketId}/timeline`, agent.token);
    expect(body.entries.map((e) => e.id)).toEqual(ids);
    expect(body.olderCursor).toBeNull();
  });

  it('pages of 2 over 5 entries: newest first, chronological within a page, no overlap, nothing missing', async () => {
    const pages = await allPages(agent.token, 'limit=2');
    expect(pages.map((p) => p.entries.map((e) => e.id))).toEqual([ids.slice(3, 5), ids.slice(1, 3), ids.slice(0, 1)]);
    expect(pages.every(chronological)).toBe(true);
    expect(pages.at(-1)!.olderCursor).toBeNull();
  });

  it('a customer never gets an internal entry on any page, and pages stay full', async () => {
    const pages = await allPages(customer.token, 'limit=2');
    const seen = [...pages].reverse().flatMap((p) => p.entries);
    expect(seen.map((e) => e.id)).toEqual(ids.filter((id) => id !== noteId));
    expect(seen.some((e) => e.visibility === 'internal' || e.kind === 'note')).toBe(false);
    expect(pages.map((p) => p.entries.length)).toEqual([2, 2]);
  });

  it('a customer asking for notes only gets nothing, even with a cursor', async () => {
    const pages = await allPages(customer.token, 'limit=1&kinds=note');
    expect(pages).toEqual([{ entries: [], olderCursor: null }]);
    const [newest] = await allPages(agent.token, 'limit=1');
    const older = await rest.get<Page>(`/tickets/${ticketId}/timeline?kinds=note&before=${newest!.olderCursor}`, customer.token);
    expect(older.body.entries).toEqual([]);
  });

  it('filters by kind, one or several, through REST and tRPC', async () => {
    const notes = await allPages(agent.token, 'kinds=note');
    expect(notes.flatMap((p) => p.entries.map((e) => e.id))).toEqual([noteId]);
    const conversation = await allPages(agent.token, 'limit=3&kinds=message&kinds=reply');
    expect(conversation.map((p) => p.entries.map((e) => e.id))).toEqual([[ids[1], ids[3], ids[4]], [ids[0]]]);
    const client = createApiClient({ url: api.url, token: agent.token });
    const page = await client.tickets.timeline.query({ id: ticketId, kinds: ['reply'], limit: 1 });
    expect(page.entries.map((e) => e.id)).toEqual([ids[3]]);
    const older = await client.tickets.timeline.query({ id: ticketId, kinds: ['reply'], limit: 1, before: page.olderCursor! });
    expect(older).toMatchObject({ entries: [{ id: ids[1] }], olderCursor: null });
  });

  it('refuses a forged cursor and a page larger than 200, naming the field', async () => {
    const forged = await rest.get(`/tickets/${ticketId}/timeline?before=${Buffer.from('not-a-cursor').toString('base64url')}`, agent.token);
    expect(forged.status).toBe(400);
    expect(forged.body.message).toMatch(/^before:/);
    const big = await rest.get(`/tickets/${ticketId}/timeline?limit=201`, agent.token);
    expect(big.status).toBe(400);
    expect(big.body.message).toMatch(/limit/);
    const kind = await rest.get(`/tickets/${ticketId}/timeline?kinds=secret`, agent.token);
    expect(kind.status).toBe(400);
  });

  it('a stranger cannot page through someone else\'s ticket', async () => {
    const stranger = await createUser(api.url, 'customer');
    const [newest] = await allPages(agent.token, 'limit=1');
    const res = await rest.get(`/tickets/${ticketId}/timeline?before=${newest!.olderCursor}`, stranger.token);
    expect(res.status).toBe(404);
  });
});
