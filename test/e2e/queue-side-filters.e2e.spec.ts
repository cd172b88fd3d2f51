import { TICKET_COUNT_CAP } from '@switchboard/contracts';
import { createApiClient, type ApiClient } from '@switchboard/trpc-client';
import mysql from 'mysql2/promise';
import { probeThreshold } from '../../apps/api/src/tickets/queries/list-tickets/side-filter-plan.js';
import { startApi, type RunningApi } from '../support/api.js';
import { sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';

// Tag and custom-field filters take one of two plans (decision 025): a probe per ticket for common values,
// a semi-join driven from the side table for rare ones. Both must give exactly the rows (and order, and
// cursor pages) of a straightforward query. This spec writes enough tickets that the common values cross
// the probe threshold of this database, and checks that they do.

let api: RunningApi;
let admin: ApiClient;
let agent: ApiClient;
let customer: ApiClient;
let agentToken: string;
let customerId: number;
const run = Date.now().toString(36);
const prefix = `qsf-${run}`;
const fieldKey = `qsf_${run}`;
const common = `common-${run}`;
const rare = `rare-${run}`;
// Common, but not spread over the sort order: on the oldest 60% only (a newest-first walk finds none at first),
// and the same plus the 10 newest tickets (it finds a few, then a long gap).
const old = `old-${run}`;
const skew = `skew-${run}`;
let fieldId: number;
let threshold: number;

const STATUSES = ['open', 'in_progress', 'waiting_on_customer', 'on_hold', 'resolved', 'closed'];
const SORTS = { created: 't.created_at', updated: 't.updated_at', priority: 't.priority', status: '(t.status + 0)', due: 't.sla_due_at' } as const;
type Sort = keyof typeof SORTS;

beforeAll(async () => {
  api = await startApi();
  const [a, g, c, other] = await Promise.all([
    createUser(api.url, 'admin'),
    createUser(api.url, 'agent'),
    createUser(api.url, 'customer'),
    createUser(api.url, 'customer'),
  ]);
  [admin, agent, customer] = [a, g, c].map((u) => createApiClient({ url: api.url, token: u.token }));
  agentToken = g.token;
  customerId = c.id;
  const type = await admin.catalog.saveIssueType.mutate({
    name: `Side filters ${run}`,
    fields: [{ key: fieldKey, label: 'Browser', kind: 'single_select', options: ['Firefox', 'Chrome', 'Safari'] }],
  });
  [{ id: fieldId }] = await sql<{ id: number }>('SELECT id FROM custom_fields WHERE issue_type_id = ? AND field_key = ?', [type.id, fieldKey]);

  // Enough tickets that about 6 in 7 of them (the common tag, and Firefox at 2 in 3) cross the probe
  // threshold, which grows with the square root of the highest ticket id.
  const [{ maxId }] = await sql<{ maxId: number }>('SELECT COALESCE(MAX(id), 0) AS maxId FROM tickets');
  let n = 2000;
  // (Twice n: InnoDB may leave gaps in the ids of bulk inserts.)
  while (0.6 * n <= probeThreshold(Number(maxId) + 2 * n, TICKET_COUNT_CAP) * 1.2) n += 500;
  if (n > 40_000) throw new Error(`the scratch database holds ${maxId} tickets; this spec would need ${n} more`);
  const base = Date.now() - 30 * 86_400_000;
  const rows = Array.from({ length: n }, (_, i) => [
    `${prefix} ${i}`,
    'generated',
    STATUSES[i % STATUSES.length],
    1 + (i % 16),
    i % 2 ? customerId : other.id,
    type.id,
    // Ties in every sort key (three tickets per creation instant, updates and due times shared by several),
    // so the id tie-break and the cursor's "sort <= v AND (sort < v OR id < last)" are exercised.
    new Date(base + Math.floor(i / 3) * 60_000 + 123),
    new Date(base + (i % 97) * 3_600_000 + 7),
    i % 5 === 0 ? new Date('9999-12-31T23:59:59Z') : new Date(Date.now() + ((i % 41) - 10) * 600_000 + 250),
  ]);
  const db = await mysql.createConnection(process.env.DATABASE_URL!);
  try {
    for (let i = 0; i < rows.length; i += 1000) {
      await db.query(
        `INSERT INTO tickets (subject, description, status, priority, requester_id, issue_type_id, created_at, updated_at, sla_due_at) VALUES ?`,
        [rows.slice(i, i + 1000)],
      );
    }
    await db.query('INSERT INTO tags (name) VALUES (?), (?), (?), (?)', [common, rare, old, skew]);
    const mine = `FROM tickets t JOIN tags g ON g.name = ? WHERE t.subject LIKE ?`;
    await db.query(`INSERT INTO ticket_tags (ticket_id, tag_id) SELECT t.id, g.id ${mine} AND t.id % 7 <> 0`, [common, `${prefix} %`]);
    await db.query(`INSERT INTO ticket_tags (ticket_id, tag_id) SELECT t.id, g.id ${mine} AND t.id % 23 = 0`, [rare, `${prefix} %`]);
    const [[{ lo, hi }]] = (await db.query('SELECT MIN(id) AS lo, MAX(id) AS hi FROM tickets WHERE subject LIKE ?', [`${prefix} %`])) as unknown as [[{ lo: number; hi: number }]];
    const oldest = Number(lo) + Math.floor(0.6 * n);
    await db.query(`INSERT INTO ticket_tags (ticket_id, tag_id) SELECT t.id, g.id ${mine} AND t.id < ?`, [old, `${prefix} %`, oldest]);
    await db.query(`INSERT INTO ticket_tags (ticket_id, tag_id) SELECT t.id, g.id ${mine} AND (t.id < ? OR t.id > ?)`, [skew, `${prefix} %`, oldest, Number(hi) - 10]);
    await db.query(
      `INSERT INTO ticket_field_values (ticket_id, field_id, value_string)
       SELECT id, ?, CASE WHEN id % 29 = 0 THEN 'Safari' WHEN id % 3 = 0 THEN 'Chrome' ELSE 'Firefox' END FROM tickets WHERE subject LIKE ?`,
      [fieldId, `${prefix} %`],
    );
  } finally {
    await db.end();
  }
  const [{ top }] = await sql<{ top: number }>('SELECT MAX(id) AS top FROM tickets');
  threshold = probeThreshold(Number(top), TICKET_COUNT_CAP);
}, 120_000);
afterAll(() => api.close());

/** The rows a straightforward query returns: EXISTS per side filter, the CASL condition, the sort and id. */
async function expected(filter: { tag?: string; field?: string; requesterId?: number }, sort: Sort, direction: 'asc' | 'desc') {
  const where = ['t.subject LIKE ?'];
  const params: unknown[] = [`${prefix} %`];
  if (filter.requesterId) (where.push('t.requester_id = ?'), params.push(filter.requesterId));
  if (filter.tag) (where.push('EXISTS (SELECT 1 FROM ticket_tags x JOIN tags g ON g.id = x.tag_id WHERE x.ticket_id = t.id AND g.name = ?)'), params.push(filter.tag));
  if (filter.field) {
    where.push('EXISTS (SELECT 1 FROM ticket_field_values v WHERE v.ticket_id = t.id AND v.field_id = ? AND v.value_string = ?)');
    params.push(fieldId, filter.field);
  }
  const rows = await sql<{ id: number }>(`SELECT t.id FROM tickets t WHERE ${where.join(' AND ')} ORDER BY ${SORTS[sort]} ${direction}, t.id ${direction}`, params);
  return rows.map((r) => Number(r.id));
}

async function sideCount(match: string, params: unknown[]) {
  return Number((await sql<{ n: number }>(`SELECT COUNT(*) AS n FROM ${match}`, params))[0].n);
}

/** Pages through the API by cursor (at most `pages` pages), returning the ids in order and the first page's count. */
async function walk(client: ApiClient, filter: { tag?: string; field?: string }, sort: Sort, direction: 'asc' | 'desc', pageSize: number, pages: number) {
  const ids: number[] = [];
  let cursor: string | undefined;
  let first: { total: number; totalCapped: boolean } | undefined;
  for (let p = 0; p < pages; p++) {
    const page = await client.tickets.list.query({
      q: prefix,
      tag: filter.tag,
      fields: filter.field ? { [fieldKey]: filter.field } : undefined,
      sort,
      direction,
      pageSize,
      cursor,
    });
    first ??= { total: page.total, totalCapped: page.totalCapped };
    ids.push(...page.items.map((t) => t.id));
    cursor = page.nextCursor ?? undefined;
    if (!cursor) break;
  }
  return { ids, first: first! };
}

const COMBOS = [
  { tag: common },
  { tag: rare },
  { field: 'Firefox' },
  { field: 'Safari' },
  { tag: common, field: 'Firefox' },
  { tag: rare, field: 'Firefox' },
  { tag: common, field: 'Safari' },
  { tag: old },
  { tag: skew },
  { tag: old, field: 'Firefox' },
];

describe('tag and custom-field queue filters, probed or driven from the side table', () => {
  it('puts the common values over the probe threshold and the rare ones under it', async () => {
    const tagged = (name: string) => sideCount('ticket_tags x JOIN tags g ON g.id = x.tag_id WHERE g.name = ?', [name]);
    const valued = (value: string) => sideCount('ticket_field_values WHERE field_id = ? AND value_string = ?', [fieldId, value]);
    expect(await tagged(common)).toBeGreaterThan(threshold);
    expect(await valued('Firefox')).toBeGreaterThan(threshold);
    expect(await tagged(old)).toBeGreaterThan(threshold);
    expect(await tagged(skew)).toBeGreaterThan(threshold);
    expect(await tagged(rare)).toBeLessThanOrEqual(threshold);
    expect(await valued('Safari')).toBeLessThanOrEqual(threshold);
  });

  it.each(Object.keys(SORTS) as Sort[])('returns the rows, order and cursor pages of a plain query, sorted by %s', async (sort) => {
    for (const direction of ['desc', 'asc'] as const) {
      for (const filter of COMBOS) {
        const want = await expected(filter, sort, direction);
        expect(want.length).toBeGreaterThan(0);
        const got = await walk(agent, filter, sort, direction, 20, 3);
        expect({ filter, direction, ids: got.ids }).toEqual({ filter, direction, ids: want.slice(0, 60) });
        expect(got.first).toEqual({ total: Math.min(want.length, TICKET_COUNT_CAP), totalCapped: want.length > TICKET_COUNT_CAP });
      }
    }
  }, 120_000);

  it('walks every page of a combined filter to the end, without gaps or repeats', async () => {
    const filter = { tag: common, field: 'Firefox' };
    const want = await expected(filter, 'priority', 'desc');
    const got = await walk(agent, filter, 'priority', 'desc', 100, 1000);
    expect(got.ids).toEqual(want);
  }, 120_000);

  it("applies the customer's CASL condition in SQL with either plan", async () => {
    for (const filter of COMBOS) {
      for (const sort of ['created', 'due'] as const) {
        const want = await expected({ ...filter, requesterId: customerId }, sort, 'desc');
        const got = await walk(customer, filter, sort, 'desc', 25, 2);
        expect({ filter, sort, ids: got.ids }).toEqual({ filter, sort, ids: want.slice(0, 50) });
        expect(got.first.total).toBe(Math.min(want.length, TICKET_COUNT_CAP));
      }
    }
  }, 120_000);

  it('answers the same over REST, nothing for an unknown tag, and 400 naming an unknown field', async () => {
    const rest = restClient(api.url);
    const res = await rest.get(`/tickets?q=${prefix}&tag=${common}&fields=${fieldKey}:Firefox&sort=updated&direction=asc&pageSize=30`, agentToken);
    expect(res.status).toBe(200);
    expect(res.body.items.map((t: { id: number }) => t.id)).toEqual((await expected({ tag: common, field: 'Firefox' }, 'updated', 'asc')).slice(0, 30));
    const none = await rest.get(`/tickets?q=${prefix}&tag=nosuch-${run}`, agentToken);
    expect([none.status, none.body.items, none.body.total]).toEqual([200, [], 0]);
    const bad = await rest.get(`/tickets?tag=${common}&fields=nosuch_${run}:x`, agentToken);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(new RegExp(`fields.nosuch_${run}`));
  });
});
