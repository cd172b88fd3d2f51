#!/usr/bin/env node
// Queue list latency with many tickets: builds its own database with BENCH_TICKETS tickets
// (default 1,000,000), starts the built API against it on a loopback port, and times
// tickets.list (REST GET /api/v1/tickets) for the queue's common filters. See bench/README.md.
//
// Env: BENCH_TICKETS (default 1000000), BENCH_RUNS per query (default 15),
//      DATABASE_URL server (loopback only; the database part is ignored), KEEP_BENCH_DB=1 keeps it.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import mysql from 'mysql2/promise';
import { connect, dropDatabase, migrateUp, parseDatabaseUrl, seedDemo } from '@switchboard/migrations';

const ROOT = resolve(import.meta.dirname, '..');
const TICKETS = Number(process.env.BENCH_TICKETS || 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS || 15);
const server = new URL(process.env.DATABASE_URL || 'mysql://root@127.0.0.1:3306/switchboard');
if (!['127.0.0.1', 'localhost', '::1'].includes(server.hostname)) {
  console.error('[bench] DATABASE_URL must point at this machine');
  process.exit(1);
}
server.pathname = '/switchboard_bench_queue';
const databaseUrl = server.toString();
const log = (m) => console.log(`[bench] ${m}`);

async function buildDatabase() {
  const target = parseDatabaseUrl(databaseUrl);
  await dropDatabase(target);
  await migrateUp({ databaseUrl });
  const sequelize = connect(target);
  await seedDemo(sequelize);
  await sequelize.close();
  const db = await mysql.createConnection({ ...target, user: target.user, database: target.database });
  // The generator is a recursive CTE; both servers cap its depth by default (MariaDB at 1000 when strict).
  await db.query('SET SESSION max_recursive_iterations = 100000000').catch(() => undefined);
  await db.query('SET SESSION cte_max_recursion_depth = 100000000').catch(() => undefined);
  const [[{ agent }]] = await db.query("SELECT id AS agent FROM users WHERE email = 'agent@acme.test'");
  const [[{ customer }]] = await db.query("SELECT id AS customer FROM users WHERE email = 'customer@acme.test'");
  const started = performance.now();
  const BATCH = 50_000;
  for (let done = 0; done < TICKETS; done += BATCH) {
    const n = Math.min(BATCH, TICKETS - done);
    // Spread over a year, statuses, levels, assignees (a third unassigned), two teams, two types.
    await db.query(
      `INSERT INTO tickets (subject, description, status, urgency, importance, priority, channel, requester_id, company_id,
                            assignee_id, team_id, issue_type_id, version, created_at, updated_at)
       WITH RECURSIVE seq (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?)
       SELECT CONCAT('Generated ticket ', i + ?, IF(i % 50 = 0, ' checkout fails', '')), 'generated',
              ELT(1 + (i % 6), 'open', 'in_progress', 'waiting_on_customer', 'on_hold', 'resolved', 'closed'),
              ELT(1 + (i % 4), 'low', 'medium', 'high', 'critical'), ELT(1 + ((i DIV 4) % 4), 'low', 'medium', 'high', 'critical'),
              1 + (i % 16), 'portal', ?, 1, IF(i % 3 = 0, NULL, ?), 1 + (i % 2), IF(i % 5 = 0, 1, NULL), 1,
              NOW(3) - INTERVAL (i + ?) MINUTE, NOW(3) - INTERVAL ((i + ?) DIV 2) MINUTE
       FROM seq`,
      [n, done, customer, agent, done, done],
    );
    log(`${done + n} tickets`);
  }
  // Tags on every 20th ticket, custom field values on the typed ones.
  await db.query("INSERT IGNORE INTO tags (name) VALUES ('outage')");
  await db.query("INSERT INTO ticket_tags (ticket_id, tag_id) SELECT t.id, g.id FROM tickets t JOIN tags g ON g.name = 'outage' WHERE t.id % 20 = 0 AND t.subject LIKE 'Generated%'");
  await db.query(
    `INSERT INTO ticket_field_values (ticket_id, field_id, value_string)
     SELECT t.id, f.id, IF(t.id % 2 = 0, 'Firefox', 'Chrome') FROM tickets t JOIN custom_fields f ON f.field_key = 'browser'
     WHERE t.issue_type_id = 1 AND t.subject LIKE 'Generated%'`,
  );
  await db.query('ANALYZE TABLE tickets, ticket_tags, ticket_field_values');
  await db.end();
  log(`built ${TICKETS} tickets in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

const freePort = () =>
  new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });

async function startApi() {
  const port = await freePort();
  const child = spawn(process.execPath, [resolve(ROOT, 'apps/api/dist/main.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, API_PORT: String(port), API_HOST: '127.0.0.1', LOG_LEVEL: 'warn', QUEUE_PREFIX: 'sbbenchq' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, stop: () => child.kill('SIGTERM') };
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error('API did not start');
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

async function main() {
  await buildDatabase();
  const api = await startApi();
  try {
    const { token } = await (
      await fetch(`${api.url}/api/v1/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'agent@acme.test', password: 'switchboard-demo' }),
      })
    ).json();
    const get = async (query) => {
      const t0 = performance.now();
      const res = await fetch(`${api.url}/api/v1/tickets?pageSize=25&${query}`, { headers: { authorization: `Bearer ${token}` } });
      const body = await res.json();
      if (!res.ok) throw new Error(`${query}: ${res.status} ${body.message}`);
      return { ms: performance.now() - t0, body };
    };
    const first = await get('');
    const queries = [
      ['newest first (all)', ''],
      ['next page by cursor', `cursor=${first.body.nextCursor}`],
      ['status open, recently updated', 'status=open&sort=updated'],
      ['my open', 'assignee=me&status=open,in_progress,waiting_on_customer,on_hold'],
      ['unassigned', 'assignee=none'],
      ['critical urgency', 'urgency=critical'],
      ['team 2, open', 'teamId=2&status=open'],
      ['tag outage', 'tag=outage'],
      ['custom field browser=Firefox', 'fields=browser:Firefox'],
      ['by priority', 'sort=priority'],
      ['subject words (LIKE)', 'q=checkout'],
    ];
    const rows = [];
    for (const [name, query] of queries) {
      const times = [];
      let total = 0;
      for (let i = 0; i < RUNS; i++) {
        const r = await get(query);
        times.push(r.ms);
        total = r.body.total;
      }
      rows.push({ name, total, median: median(times), p95: p95(times) });
    }
    console.log(`\nqueue list over ${TICKETS.toLocaleString('en')} tickets, ${RUNS} runs each, page of 25 (ms, including HTTP):`);
    console.log(`${'query'.padEnd(34)}${'matches'.padStart(10)}${'median'.padStart(9)}${'p95'.padStart(9)}`);
    for (const r of rows) {
      console.log(`${r.name.padEnd(34)}${String(r.total).padStart(10)}${r.median.toFixed(1).padStart(9)}${r.p95.toFixed(1).padStart(9)}`);
    }
    console.log('(matches: total counted on a first page; -1 on cursor pages, which skip the count)');
  } finally {
    api.stop();
    if (!process.env.KEEP_BENCH_DB) await dropDatabase(parseDatabaseUrl(databaseUrl));
  }
}

main().catch((e) => {
  console.error(`[bench] failed: ${e.message}`);
  process.exit(1);
});
