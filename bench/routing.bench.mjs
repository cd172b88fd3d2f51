#!/usr/bin/env node
// Routing throughput: for each strategy, a fresh team of BENCH_AGENTS online agents, BENCH_TICKETS
// tickets created in parallel over REST (BENCH_CONCURRENCY requests in flight) by 10 customers, and
// the time from the first POST until every ticket has an assignee. See bench/README.md.
//
// Env: BENCH_TICKETS ("200,1000": one round per count and strategy), BENCH_AGENTS (4),
//      BENCH_STRATEGIES ("round_robin,least_loaded,skills_based"), BENCH_CONCURRENCY (50),
//      BENCH_APIS (1: how many api processes share the POSTs; 2 checks routing across processes),
//      BENCH_TIMEOUT_S (300 per round), BENCH_DB (switchboard_bench_routing), KEEP_BENCH_DB=1,
//      DATABASE_URL server (loopback only; the database part is ignored), REDIS_URL (loopback only),
//      BENCH_API_NODE_ARGS (extra node flags for the API, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"),
//      BENCH_API_DIST (apps/api/dist: another build of the API beside it, e.g. apps/api/dist-before, to compare).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { connect, dropDatabase, migrateUp, parseDatabaseUrl, seedDemo } from '@switchboard/migrations';
import { hashPassword } from '@switchboard/passwords';
import mysql from 'mysql2/promise';

const ROOT = resolve(import.meta.dirname, '..');
const COUNTS = (process.env.BENCH_TICKETS || '200,1000').split(',').map(Number);
const AGENTS = Number(process.env.BENCH_AGENTS || 4);
const STRATEGIES = (process.env.BENCH_STRATEGIES || 'round_robin,least_loaded,skills_based').split(',');
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 50);
const APIS = Number(process.env.BENCH_APIS || 1);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_S || 300) * 1000;
const PASSWORD = 'bench-password-123';
const LOOPBACK = ['127.0.0.1', 'localhost', '::1', '[::1]'];

const server = new URL(process.env.DATABASE_URL || 'mysql://root@127.0.0.1:3306/switchboard');
const redis = new URL(process.env.REDIS_URL || 'redis://127.0.0.1:6379');
if (!LOOPBACK.includes(server.hostname) || !LOOPBACK.includes(redis.hostname)) {
  console.error('[bench] DATABASE_URL and REDIS_URL must point at this machine');
  process.exit(1);
}
server.pathname = `/${process.env.BENCH_DB || 'switchboard_bench_routing'}`;
const databaseUrl = server.toString();
const log = (m) => console.log(`[bench] ${m}`);
const now = () => performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const freePort = () =>
  new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });

async function startApi(index) {
  const port = await freePort();
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS || '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, resolve(ROOT, process.env.BENCH_API_DIST || 'apps/api/dist', 'main.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, API_PORT: String(port), API_HOST: '127.0.0.1', LOG_LEVEL: 'warn', QUEUE_PREFIX: `sbbenchrouting${process.pid}` },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${url}/health`)).ok) {
        const exited = new Promise((ok) => child.once('exit', ok));
        // Waits for the process to end, so the scratch database is not dropped under its last event handlers.
        return { url, pid: child.pid, cpuMs: () => cpuMs(child.pid), stop: () => (child.exitCode === null && child.kill('SIGTERM'), Promise.race([exited, sleep(15_000)])) };
      }
    } catch {}
    await sleep(200);
  }
  child.kill('SIGKILL');
  throw new Error(`API ${index} did not start`);
}

/** CPU time (user + system, ms) a process has used so far, from /proc (clock ticks of 10 ms). */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

async function token(url, email) {
  const res = await fetch(`${url}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in as ${email}: ${res.status}`);
  return (await res.json()).token;
}

async function insertUser(db, hash, role, name, extra = {}) {
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}@bench.test`;
  const [r] = await db.query(
    'INSERT INTO users (email, name, password_hash, role, email_verified_at, availability, capacity) VALUES (?, ?, ?, ?, NOW(3), ?, ?)',
    [email, name, hash, role, extra.availability ?? 'offline', extra.capacity ?? 10],
  );
  return { id: r.insertId, email };
}

/**
 * A team with `strategy`, AGENTS fresh online agents and a category routed to it. Capacity is just
 * enough for every ticket (ceil(tickets / AGENTS) each): all get assigned, and anyone over it is a bug.
 */
async function makeTeam(db, hash, strategy, capacity, label) {
  const agents = [];
  for (let i = 0; i < AGENTS; i++) agents.push(await insertUser(db, hash, 'agent', `Agent ${label} ${i}`, { availability: 'online', capacity }));
  const [team] = await db.query('INSERT INTO teams (name, routing_strategy) VALUES (?, ?)', [`Team ${label}`, strategy]);
  for (const a of agents) await db.query('INSERT INTO team_members (team_id, user_id) VALUES (?, ?)', [team.insertId, a.id]);
  let skillId = null;
  if (strategy === 'skills_based') {
    const [skill] = await db.query('INSERT INTO skills (name) VALUES (?)', [`Skill ${label}`]);
    skillId = skill.insertId;
    // Every agent qualifies, at different levels: the highest level takes tickets until full, then the next.
    for (const [i, a] of agents.entries()) await db.query('INSERT INTO agent_skills (user_id, skill_id, level) VALUES (?, ?, ?)', [a.id, skillId, 1 + (i % 5)]);
  }
  const [category] = await db.query('INSERT INTO categories (name, team_id, skill_id) VALUES (?, ?, ?)', [`Category ${label}`, team.insertId, skillId]);
  return { teamId: team.insertId, categoryId: category.insertId, agents };
}

async function round(db, apis, customers, strategy, count, label) {
  const capacity = Math.ceil(count / AGENTS);
  const team = await makeTeam(db, customers.hash, strategy, capacity, label);
  let next = 0;
  let failed = 0;
  const started = now();
  let createdAt = 0;
  const cpuBefore = apis.reduce((sum, api) => sum + api.cpuMs(), 0);
  const creating = Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, count) }, async () => {
      while (next < count) {
        const i = next++;
        const res = await fetch(`${apis[i % apis.length].url}/api/v1/tickets`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${customers.tokens[i % customers.tokens.length][i % apis.length]}` },
          body: JSON.stringify({ subject: `Routing bench ${label} ${i}`, description: 'x', categoryId: team.categoryId }),
        });
        if (!res.ok) {
          failed++;
          if (failed <= 3) log(`POST failed: ${res.status} ${await res.text()}`);
        } else await res.arrayBuffer();
      }
    }),
  ).then(() => (createdAt = now()));
  let assigned = 0;
  while (now() - started < TIMEOUT_MS) {
    const [[row]] = await db.query('SELECT COUNT(*) AS n FROM tickets WHERE category_id = ? AND assignee_id IS NOT NULL', [team.categoryId]);
    assigned = Number(row.n);
    if (assigned >= count - failed && createdAt) break;
    await sleep(50);
  }
  const allAssigned = now();
  await creating;
  // The api processes' CPU for creating and routing the round's tickets, with a second more for the handlers
  // that run after commit (the rest of the machine is not counted).
  await sleep(1000);
  const apiCpuPerTicket = (apis.reduce((sum, api) => sum + api.cpuMs(), 0) - cpuBefore) / count;
  const [counts] = await db.query('SELECT assignee_id AS a, COUNT(*) AS n FROM tickets WHERE category_id = ? GROUP BY assignee_id', [team.categoryId]);
  const perAgent = team.agents.map((a) => Number(counts.find((c) => c.a === a.id)?.n ?? 0));
  const overCapacity = perAgent.filter((n) => n > capacity).length;
  const even = strategy !== 'round_robin' || perAgent.every((n) => Math.abs(n - perAgent[0]) <= (count % AGENTS ? 1 : 0));
  const totalMs = allAssigned - started;
  return { strategy, count, failed, assigned, createdMs: createdAt - started, totalMs, perTicketMs: totalMs / count, apiCpuPerTicket, perAgent, ok: assigned === count && failed === 0 && overCapacity === 0 && even };
}

async function main() {
  const target = parseDatabaseUrl(databaseUrl);
  await dropDatabase(target);
  await migrateUp({ databaseUrl });
  const sequelize = connect(target);
  await seedDemo(sequelize);
  await sequelize.close();

  const db = await mysql.createConnection(databaseUrl);
  const hash = await hashPassword(PASSWORD);
  const customerUsers = [];
  for (let i = 0; i < 10; i++) customerUsers.push(await insertUser(db, hash, 'customer', `Bench customer ${i}`));

  const apis = [];
  const results = [];
  try {
    for (let i = 0; i < APIS; i++) apis.push(await startApi(i));
    // One token per customer per api (a token works on any api; separate ones keep sessions apart).
    const tokens = await Promise.all(customerUsers.map((c) => Promise.all(apis.map((a) => token(a.url, c.email)))));
    const customers = { hash, tokens };
    // Warm-up: a few tickets through a round-robin team so the first measured round pays no JIT or pool start-up.
    await round(db, apis, customers, 'round_robin', 20, `warmup ${process.pid}`);
    for (const count of COUNTS) {
      for (const strategy of STRATEGIES) {
        const r = await round(db, apis, customers, strategy, count, `${strategy} ${count} ${process.pid}`);
        results.push(r);
        log(
          `${strategy} ${count} tickets / ${AGENTS} agents / ${APIS} api: all created ${(r.createdMs / 1000).toFixed(1)} s, all assigned ${(r.totalMs / 1000).toFixed(1)} s ` +
            `(${r.perTicketMs.toFixed(1)} ms per ticket, api CPU ${r.apiCpuPerTicket.toFixed(1)} ms per ticket); per agent ${r.perAgent.join('/')}; ${r.ok ? 'ok' : `NOT OK (assigned ${r.assigned}, failed POSTs ${r.failed})`}`,
        );
      }
    }
  } finally {
    await Promise.all(apis.map((api) => api.stop()));
    await db.end();
    if (!process.env.KEEP_BENCH_DB) await dropDatabase(target);
  }
  console.log(`\nrouting throughput: ${AGENTS} agents per team, ${CONCURRENCY} POSTs in flight, ${APIS} api process(es); seconds from the first POST until every POST was answered (created) and until every ticket is assigned (assigned), and the difference (after last POST):`);
  console.log('  strategy        tickets  created  assigned  after last POST  ms/ticket  api CPU ms/ticket  per agent');
  for (const r of results) {
    console.log(
      `  ${r.strategy.padEnd(15)} ${String(r.count).padStart(7)}  ${(r.createdMs / 1000).toFixed(1).padStart(7)}  ${(r.totalMs / 1000).toFixed(1).padStart(8)}  ${(Math.max(0, r.totalMs - r.createdMs) / 1000).toFixed(1).padStart(15)}  ${r.perTicketMs.toFixed(1).padStart(9)}  ${r.apiCpuPerTicket.toFixed(1).padStart(17)}  ${r.perAgent.join('/')}${r.ok ? '' : '  NOT OK'}`,
    );
  }
  console.log(`  load average: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} (2 cores shared with everything else on the machine)`);
  if (results.some((r) => !r.ok)) process.exit(1);
}

main().catch((e) => {
  console.error(`[bench] failed: ${e.stack ?? e.message}`);
  process.exit(1);
});
