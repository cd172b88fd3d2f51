#!/usr/bin/env node
// Queue list latency with many tickets: builds its own database with BENCH_TICKETS tickets
// (default 1,000,000), starts the built API against it on a loopback port, and times
// tickets.list (REST GET /api/v1/tickets) for the queue's common filters. See bench/README.md.
//
// Env: BENCH_TICKETS (default 1000000), BENCH_RUNS per query (default 15),
//      DATABASE_URL server (loopback only; the database part is ignored), KEEP_BENCH_DB=1 keeps it,
//      BENCH_DB the scratch database's name (default switchboard_bench_queue; also the queue prefix),
//      REUSE_BENCH_DB=1 uses a database kept by an earlier run (pending migrations are applied) instead of
//      building it again; its SLA due times were spread around the time it was built.
//      BENCH_API_MAIN another build of the API to start (relative to the repository), to compare two versions.
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
server.pathname = `/${process.env.BENCH_DB || 'switchboard_bench_queue'}`;
const databaseUrl = server.toString();
const log = (m) => console.log(`[bench] ${m}`);

async function buildDatabase() {
  const target = parseDatabaseUrl(databaseUrl);
  if (process.env.REUSE_BENCH_DB) {
    const db = await mysql.createConnection({ ...target, user: target.user, database: target.database }).catch(() => null);
    const [[row]] = db ? await db.query("SELECT COUNT(*) AS n FROM tickets WHERE subject LIKE 'Generated%'").catch(() => [[{ n: 0 }]]) : [[{ n: 0 }]];
    await db?.end();
    if (Number(row.n) >= TICKETS) {
      await migrateUp({ databaseUrl });
      log(`reusing ${databaseUrl} (${row.n} generated tickets)`);
      return;
    }
  }
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
  // A common tag that only old tickets carry (the highest ids are the oldest here): the worst case for walking
  // the newest-first index and probing each ticket (decision 025).
  await db.query("INSERT IGNORE INTO tags (name) VALUES ('legacy')");
  const [[{ top }]] = await db.query('SELECT MAX(id) AS top FROM tickets');
  await db.query(
    "INSERT INTO ticket_tags (ticket_id, tag_id) SELECT t.id, g.id FROM tickets t JOIN tags g ON g.name = 'legacy' WHERE t.id > ? AND t.subject LIKE 'Generated%'",
    [Number(top) - Math.floor(TICKETS * 0.04)],
  );
  await db.query(
    `INSERT INTO ticket_field_values (ticket_id, field_id, value_string)
     SELECT t.id, f.id, IF(t.id % 2 = 0, 'Firefox', 'Chrome') FROM tickets t JOIN custom_fields f ON f.field_key = 'browser'
     WHERE t.issue_type_id = 1 AND t.subject LIKE 'Generated%'`,
  );
  // SLAs the way the sla module stores them: every ticket has a policy; open ones (not resolved, closed or
  // paused) have a running first-response target and a next due time spread from 3 h ago to 30 h ahead.
  const [[{ policy }]] = await db.query('SELECT id AS policy FROM sla_policies WHERE is_default = 1');
  const due = "NOW(3) + INTERVAL (CAST(t.id % 2000 AS SIGNED) - 200) MINUTE";
  const running = "t.status IN ('open', 'in_progress')";
  await db.query(
    `INSERT INTO ticket_slas (ticket_id, policy_id, reason, next_due_at)
     SELECT t.id, ?, 'Default: the default policy', IF(${running}, ${due}, NULL) FROM tickets t WHERE t.subject LIKE 'Generated%'`,
    [policy],
  );
  await db.query(
    `INSERT INTO ticket_sla_targets (ticket_id, metric, seq, policy_id, target_minutes, started_at, due_at, warn_at, active_due_at, met_at)
     SELECT t.id, 'first_response', 0, ?, 480, t.created_at, ${due}, ${due}, IF(${running}, ${due}, NULL), IF(${running}, NULL, t.created_at)
     FROM tickets t WHERE t.subject LIKE 'Generated%'`,
    [policy],
  );
  await db.query(
    `UPDATE tickets t JOIN ticket_slas s ON s.ticket_id = t.id SET t.sla_due_at = s.next_due_at, t.updated_at = t.updated_at
     WHERE s.next_due_at IS NOT NULL`,
  );
  log('SLA rows written');
  await db.query('ANALYZE TABLE tickets, ticket_tags, ticket_field_values, ticket_slas, ticket_sla_targets');
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
  const child = spawn(process.execPath, [resolve(ROOT, process.env.BENCH_API_MAIN || 'apps/api/dist/main.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, API_PORT: String(port), API_HOST: '127.0.0.1', LOG_LEVEL: 'warn', QUEUE_PREFIX: process.env.BENCH_DB || 'sbbenchq' },
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
    const firstDue = await get('sort=due&direction=asc');
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
      ['tag outage + Firefox, by priority', 'tag=outage&fields=browser:Firefox&sort=priority'],
      ['tag legacy (oldest 4%), newest', 'tag=legacy'],
      ['tag legacy, recently updated', 'tag=legacy&sort=updated'],
      ['by priority', 'sort=priority'],
      ['subject words (LIKE)', 'q=checkout'],
      ['SLA: due soonest (all)', 'sort=due&direction=asc'],
      ['SLA: due soonest, next page', `sort=due&direction=asc&cursor=${firstDue.body.nextCursor}`],
      ['SLA: my open, due soonest', 'assignee=me&status=open,in_progress&sort=due&direction=asc'],
      ['SLA: overdue, due soonest', 'due=overdue&sort=due&direction=asc'],
      ['SLA: due in the next hour', 'due=next_hour&sort=due&direction=asc'],
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
    console.log(`\nload average at the end: ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log(`queue list over ${TICKETS.toLocaleString('en')} tickets, ${RUNS} runs each, page of 25 (ms, including HTTP):`);
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
