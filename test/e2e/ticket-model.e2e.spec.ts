import { apiErrorKind, apiFieldErrors, createApiClient, type ApiClient } from '@switchboard/trpc-client';
import { startApi, type RunningApi } from '../support/api.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';
import { sql } from '../support/db.js';

let api: RunningApi;
let admin: ApiClient;
let agent: ApiClient;
let agent2: ApiClient;
let customer: ApiClient;
let agentId: number;
let agent2Id: number;
let customerId: number;
let typeId: number;
let teamId: number;
const run = Date.now().toString(36);

beforeAll(async () => {
  api = await startApi();
  const [a, g, g2, c] = await Promise.all([
    createUser(api.url, 'admin'),
    createUser(api.url, 'agent', { name: 'Ana Model' }),
    createUser(api.url, 'agent', { name: 'Ben Model' }),
    createUser(api.url, 'customer'),
  ]);
  [admin, agent, agent2, customer] = [a, g, g2, c].map((u) => createApiClient({ url: api.url, token: u.token }));
  [agentId, agent2Id, customerId] = [g.id, g2.id, c.id];
  const type = await admin.catalog.saveIssueType.mutate({
    name: `Website Bug ${run}`,
    transitions: { open: ['in_progress', 'closed'] },
    fields: [
      { key: 'page_url', label: 'Page', kind: 'text', required: true },
      { key: 'browser', label: 'Browser', kind: 'single_select', required: true, options: ['Chrome', 'Firefox'] },
      { key: 'areas', label: 'Areas', kind: 'multi_select', options: ['login', 'checkout'] },
      { key: 'eng_note', label: 'Engineering note', kind: 'text', customerVisible: false },
    ],
  });
  typeId = type.id;
  teamId = (await admin.catalog.saveTeam.mutate({ name: `Team ${run}` })).id;
});
afterAll(() => api.close());

const fieldErrorOf = (e: unknown) => apiFieldErrors(e);

describe('catalog', () => {
  it('shows customers active types with customer-visible fields only, and staff everything', async () => {
    const asCustomer = await customer.catalog.get.query();
    const mine = asCustomer.issueTypes.find((t) => t.id === typeId)!;
    expect(mine.fields.map((f) => f.key)).toEqual(['page_url', 'browser', 'areas']);
    expect(asCustomer.teams).toEqual([]);
    expect(asCustomer.agents).toEqual([]);
    const asAgent = await agent.catalog.get.query();
    expect(asAgent.issueTypes.find((t) => t.id === typeId)!.fields.map((f) => f.key)).toContain('eng_note');
    expect(asAgent.teams.map((t) => t.id)).toContain(teamId);
    expect(asAgent.agents.map((a) => a.id)).toEqual(expect.arrayContaining([agentId, agent2Id]));
    expect(asAgent.agents.map((a) => a.id)).not.toContain(customerId);
  });

  it('lets only admins change it, and names what is wrong', async () => {
    expect(apiErrorKind(await agent.catalog.saveTeam.mutate({ name: 'Nope' }).catch((e) => e))).toBe('forbidden');
    const dup = await admin.catalog.saveTeam.mutate({ name: `Team ${run}` }).catch((e) => e);
    expect(apiErrorKind(dup)).toBe('conflict');
    const noOptions = await admin.catalog.saveIssueType
      .mutate({ name: `Broken ${run}`, fields: [{ key: 'choice', label: 'Choice', kind: 'single_select' }] })
      .catch((e) => e);
    expect(fieldErrorOf(noOptions)).toEqual({ 'fields.0.options': 'a select needs at least one option' });
  });
});

describe('typed tickets with custom fields', () => {
  it('requires the type’s required fields and validates each kind, naming the field', async () => {
    const missing = await customer.tickets.create.mutate({ subject: 's', description: 'd', issueTypeId: typeId, customFields: { browser: 'Chrome' } }).catch((e) => e);
    expect(fieldErrorOf(missing)).toEqual({ 'customFields.page_url': 'is required' });
    const badChoice = await customer.tickets.create
      .mutate({ subject: 's', description: 'd', issueTypeId: typeId, customFields: { page_url: '/x', browser: 'Lynx' } })
      .catch((e) => e);
    expect(fieldErrorOf(badChoice)).toEqual({ 'customFields.browser': 'must be one of: Chrome, Firefox' });
    const staffOnly = await customer.tickets.create
      .mutate({ subject: 's', description: 'd', issueTypeId: typeId, customFields: { page_url: '/x', browser: 'Chrome', eng_note: 'x' } })
      .catch((e) => e);
    expect(fieldErrorOf(staffOnly)).toEqual({ 'customFields.eng_note': 'is not a field of this issue type' });
    const tagging = await customer.tickets.create.mutate({ subject: 's', description: 'd', tags: ['vip'] }).catch((e) => e);
    expect(fieldErrorOf(tagging)).toEqual({ tags: 'only support staff can tag tickets' });
  });

  it('stores the values, returns them, and hides staff-only values from the customer', async () => {
    const created = await customer.tickets.create.mutate({
      subject: `Cart broken ${run}`,
      description: 'The cart page is blank.',
      issueTypeId: typeId,
      customFields: { page_url: 'https://shop.test/cart', browser: 'Firefox', areas: ['checkout'] },
    });
    expect(created.issueType).toEqual({ id: typeId, name: `Website Bug ${run}` });
    expect(created.customFields).toEqual({ page_url: 'https://shop.test/cart', browser: 'Firefox', areas: ['checkout'] });

    await agent.tickets.update.mutate({ id: created.id, customFields: { eng_note: 'CDN cache', areas: ['checkout', 'login'] } });
    const asAgent = await agent.tickets.get.query({ id: created.id });
    expect(asAgent.customFields).toEqual({ page_url: 'https://shop.test/cart', browser: 'Firefox', areas: ['checkout', 'login'], eng_note: 'CDN cache' });
    const asCustomer = await customer.tickets.get.query({ id: created.id });
    expect(asCustomer.customFields).not.toHaveProperty('eng_note');
    expect(JSON.stringify(await customer.tickets.timeline.query({ id: created.id }))).not.toContain('CDN cache');
  });

  it('follows the type’s workflow', async () => {
    const t = await customer.tickets.create.mutate({ subject: 'wf', description: 'd', issueTypeId: typeId, customFields: { page_url: '/', browser: 'Chrome' } });
    const refused = await agent.tickets.update.mutate({ id: t.id, status: 'resolved' }).catch((e) => e);
    expect(apiErrorKind(refused)).toBe('bad_request');
    expect(fieldErrorOf(refused)).toEqual({ status: 'cannot change from open to resolved' });
    expect((await agent.tickets.update.mutate({ id: t.id, status: 'in_progress' })).status).toBe('in_progress');
  });
});

describe('working tickets', () => {
  it('assigns, takes, routes to a team and tags, each a staff-only event', async () => {
    const t = await customer.tickets.create.mutate({ subject: `Route me ${run}`, description: 'd' });
    const assigned = await agent.tickets.update.mutate({ id: t.id, assigneeId: agent2Id, teamId, tags: ['vip', 'refund'], version: t.version });
    expect(assigned.assignee).toMatchObject({ id: agent2Id, name: 'Ben Model' });
    expect(assigned.team).toEqual({ id: teamId, name: `Team ${run}` });
    expect(assigned.tags).toEqual(['refund', 'vip']);
    const taken = await agent.tickets.take.mutate({ id: t.id });
    expect(taken.assignee?.id).toBe(agentId);

    const events = (await agent.tickets.timeline.query({ id: t.id })).entries.filter((e) => e.kind === 'event');
    expect(events.map((e) => [e.event!.field, e.event!.from, e.event!.to, e.visibility])).toEqual([
      ['team', null, `Team ${run}`, 'internal'],
      ['assignee', null, 'Ben Model', 'internal'],
      ['tags', null, 'refund, vip', 'internal'],
      ['assignee', 'Ben Model', 'Ana Model', 'internal'],
    ]);
    const customerView = await customer.tickets.timeline.query({ id: t.id });
    expect(customerView.entries.some((e) => e.kind === 'event')).toBe(false);
    expect((await customer.tickets.get.query({ id: t.id })).tags).toEqual([]);
  });

  it('refuses to assign a ticket to a customer', async () => {
    const t = await customer.tickets.create.mutate({ subject: 'x', description: 'd' });
    const error = await agent.tickets.update.mutate({ id: t.id, assigneeId: customerId }).catch((e) => e);
    expect(fieldErrorOf(error)).toEqual({ assigneeId: `user ${customerId} is not an agent` });
  });

  it('applies a bulk change ticket by ticket and reports each failure', async () => {
    const [a, b, c] = await Promise.all([1, 2, 3].map((i) => customer.tickets.create.mutate({ subject: `bulk ${i} ${run}`, description: 'd' })));
    await agent.tickets.update.mutate({ id: c.id, status: 'closed' });
    const result = await agent.tickets.bulkUpdate.mutate({
      ids: [a.id, b.id, c.id, 99999999],
      changes: { status: 'in_progress', assigneeId: agent2Id, addTags: ['bulk'] },
    });
    expect(result.updated).toEqual([a.id, b.id]);
    expect(result.failed).toEqual([
      { id: c.id, code: 'TICKET_INVALID_TRANSITION', message: 'status: cannot change from closed to in_progress' },
      { id: 99999999, code: 'TICKET_NOT_FOUND', message: 'Ticket #99999999 was not found' },
    ]);
    const after = await agent.tickets.get.query({ id: b.id });
    expect(after).toMatchObject({ status: 'in_progress', assignee: { id: agent2Id }, tags: ['bulk'] });
    expect(apiErrorKind(await customer.tickets.bulkUpdate.mutate({ ids: [a.id], changes: { status: 'closed' } }).catch((e) => e))).toBe('forbidden');
  });
});

describe('queue filters and paging', () => {
  let ids: number[];
  beforeAll(async () => {
    const make = (i: number, extra: object) =>
      agent.tickets.create.mutate({ subject: `queue-${run} item ${i}`, description: 'd', ...extra });
    const created = [];
    for (let i = 0; i < 5; i++) {
      created.push(
        await make(i, {
          urgency: i === 4 ? 'critical' : 'low',
          issueTypeId: typeId,
          customFields: { page_url: `/p${i}`, browser: i % 2 ? 'Firefox' : 'Chrome' },
          tags: i < 2 ? [`q${run}`] : [],
        }),
      );
    }
    ids = created.map((t) => t.id);
    await agent.tickets.take.mutate({ id: ids[0] });
  });

  it('filters by assignee, tag, custom field, words and urgency, in SQL', async () => {
    const base = { q: `queue-${run}`, pageSize: 50 };
    const idsOf = async (input: object) => (await agent.tickets.list.query({ ...base, ...input })).items.map((t) => t.id).sort();
    expect(await idsOf({})).toEqual([...ids].sort());
    expect(await idsOf({ assignee: 'me' })).toEqual([ids[0]]);
    expect(await idsOf({ assignee: 'none' })).toEqual(ids.slice(1).sort());
    expect(await idsOf({ tag: `q${run}` })).toEqual(ids.slice(0, 2).sort());
    expect(await idsOf({ fields: { browser: 'Firefox' } })).toEqual([ids[1], ids[3]].sort());
    expect(await idsOf({ urgency: 'critical' })).toEqual([ids[4]]);
    expect(await idsOf({ status: 'open,in_progress' })).toHaveLength(5);
    const unknown = await agent.tickets.list.query({ ...base, fields: { nope: 'x' } }).catch((e) => e);
    expect(fieldErrorOf(unknown)).toEqual({ 'fields.nope': 'there is no custom field "nope"' });
  });

  it('pages by cursor without overlap in the chosen order', async () => {
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await agent.tickets.list.query({ q: `queue-${run}`, sort: 'priority', direction: 'desc', pageSize: 2, cursor });
      if (pages === 0) expect([page.total, page.totalCapped]).toEqual([5, false]);
      seen.push(...page.items.map((t) => t.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect([...seen].sort()).toEqual([...ids].sort());
    expect(seen[0]).toBe(ids[4]); // the critical one first
    const bad = await agent.tickets.list.query({ cursor: 'garbage' }).catch((e) => e);
    expect(fieldErrorOf(bad)).toEqual({ cursor: 'is not a cursor this API gave out' });
  });

  it('pages by created and updated time without losing rows that differ only in milliseconds', async () => {
    // Five tickets in one second, a few milliseconds apart: a cursor that drops the milliseconds skips rows.
    for (const [i, id] of ids.entries()) {
      const at = `2026-03-01 10:00:00.${String(100 + i * 100).padStart(3, '0')}`;
      await sql('UPDATE tickets SET created_at = ?, updated_at = ? WHERE id = ?', [at, at, id]);
    }
    for (const sort of ['created', 'updated'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const seen: number[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await agent.tickets.list.query({ q: `queue-${run}`, sort, direction, pageSize: 1, cursor });
          seen.push(...page.items.map((t) => t.id));
          cursor = page.nextCursor ?? undefined;
          pages++;
        } while (cursor && pages < 10);
        expect({ sort, direction, seen }).toEqual({ sort, direction, seen: direction === 'asc' ? ids : [...ids].reverse() });
      }
    }
  });

  it('takes the same filters as a REST query string', async () => {
    const rest = restClient(api.url);
    const token = (await createUser(api.url, 'agent')).token;
    const res = await rest.get(`/tickets?q=queue-${run}&fields=browser:Firefox&sort=created&direction=asc`, token);
    expect(res.status).toBe(200);
    expect(res.body.items.map((t: { id: number }) => t.id)).toEqual([ids[1], ids[3]]);
  });
});

describe('saved views', () => {
  it('keeps private views private, shares shared ones read-only, and refuses customers', async () => {
    const mine = await agent.views.save.mutate({ name: `Mine ${run}`, filters: { assignee: 'me' } });
    const shared = await agent.views.save.mutate({ name: `Team ${run}`, filters: { status: 'open' }, shared: true });
    const seenByOther = (await agent2.views.list.query()).map((v) => v.id);
    expect(seenByOther).toContain(shared.id);
    expect(seenByOther).not.toContain(mine.id);
    expect(apiErrorKind(await agent2.views.delete.mutate({ id: shared.id }).catch((e) => e))).toBe('forbidden');
    expect(apiErrorKind(await agent2.views.delete.mutate({ id: mine.id }).catch((e) => e))).toBe('not_found');
    expect((await agent.views.delete.mutate({ id: mine.id })).ok).toBe(true);
    expect(apiErrorKind(await customer.views.list.query().catch((e) => e))).toBe('forbidden');
  });
});

describe('issue type workflows', () => {
  it('refuses a workflow in which an open ticket can never be finished, naming transitions', async () => {
    const error = await admin.catalog.saveIssueType
      .mutate({ name: `Stuck ${run}`, transitions: { open: ['in_progress'], in_progress: ['open'], waiting_on_customer: [], on_hold: [], resolved: [] } })
      .catch((e) => e);
    expect(apiFieldErrors(error)).toEqual({ transitions: 'Resolved or Closed must be reachable from Open.' });
  });
});
