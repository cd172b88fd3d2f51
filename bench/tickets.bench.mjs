#!/usr/bin/env node
// Ticket-creation throughput of a RUNNING Switchboard stack, next to the machine's raw limit.
// See bench/README.md. Usage: npm start (other terminal), then npm run bench:tickets
//
// Env:
//   API_URL        the API to measure (default http://127.0.0.1:4000; loopback only)
//   DATABASE_URL   the server for the raw baseline (default mysql://root@127.0.0.1:3306/...; loopback
//                  only). Its database part is ignored: the baseline uses a scratch database
//                  switchboard_bench_raw, dropped afterwards.
//   BENCH_CONCURRENCY  levels, default "1,8,32"
//   BENCH_COUNTS       tickets per level, default "300,1000,2000"
//   BENCH_SECONDS      time bound per level, default 20
//   BENCH_WARMUP       requests before measuring, default 50
//   BENCH_EMAIL / BENCH_PASSWORD   the login (default agent@acme.test / switchboard-demo)
// Flags: --api-only, --raw-only
import { performance } from 'node:perf_hooks';
import mysql from 'mysql2/promise';

const OSTICKET_TICKETS_PER_S = 44; // osTicket's API on this kind of machine (reference figure)
const TARGET_FACTOR = 10;
const RAW_DB = 'switchboard_bench_raw';

const args = new Set(process.argv.slice(2));
for (const a of args) {
  if (a !== '--api-only' && a !== '--raw-only') {
    console.error(`usage: node bench/tickets.bench.mjs [--api-only | --raw-only]   (unknown: ${a})`);
    process.exit(2);
  }
}
const runApi = !args.has('--raw-only');
const runRaw = !args.has('--api-only');

const list = (name, fallback) =>
  (process.env[name] || fallback).split(',').map((s) => {
    const n = Number(s.trim());
    if (!Number.isInteger(n) || n < 1) fail(`${name} must be a comma-separated list of positive integers (got "${process.env[name]}")`);
    return n;
  });
const concurrencies = list('BENCH_CONCURRENCY', '1,8,32');
const counts = list('BENCH_COUNTS', '300,1000,2000');
if (counts.length !== concurrencies.length) fail('BENCH_COUNTS needs one count per BENCH_CONCURRENCY level');
const seconds = Number(process.env.BENCH_SECONDS || 20);
const warmup = Number(process.env.BENCH_WARMUP ?? 50);
const apiUrl = (process.env.API_URL || 'http://127.0.0.1:4000').replace(/\/+$/, '');
const databaseUrl = process.env.DATABASE_URL || 'mysql://root@127.0.0.1:3306/switchboard';
const email = process.env.BENCH_EMAIL || 'agent@acme.test';
const password = process.env.BENCH_PASSWORD || 'switchboard-demo';

function fail(msg) {
  console.error(`[bench] error: ${msg}`);
  process.exit(1);
}

// This is a load generator: it only ever targets this machine.
function assertLoopback(name, url) {
  let host;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    fail(`${name} is not a valid URL: ${url}`);
  }
  const loopback = host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
  if (!loopback) fail(`${name} points at ${host}; this benchmark only runs against loopback (127.0.0.0/8, localhost, ::1)`);
}
if (runApi) assertLoopback('API_URL', apiUrl);
if (runRaw) assertLoopback('DATABASE_URL', databaseUrl);

// ------------------------------------------------------------------------------------------------ stats
function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/**
 * Runs `op(i)` from `concurrency` loops until `count` ops were started or `seconds` passed.
 * Returns { done, errors, elapsed (s), rate (ops/s), p50, p95, p99 (ms), firstError }.
 */
async function drive({ concurrency, count, seconds: limitS, op }) {
  const latencies = [];
  let next = 0;
  let errors = 0;
  let firstError;
  const deadline = performance.now() + limitS * 1000;
  const start = performance.now();
  async function loop() {
    while (next < count && performance.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      try {
        await op(i);
        latencies.push(performance.now() - t0);
      } catch (err) {
        errors++;
        firstError ??= err;
        // Fail fast when nothing works (wrong URL, not seeded, ...) instead of hammering for 20 s.
        if (errors >= 20 && latencies.length === 0) return;
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, loop));
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    done: latencies.length,
    errors,
    firstError,
    elapsed,
    rate: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

// ------------------------------------------------------------------------------------------------ API
const runId = Date.now().toString(36);

async function apiToken() {
  let res;
  try {
    res = await fetch(`${apiUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
  } catch (err) {
    fail(`cannot reach the API at ${apiUrl} (${err.cause?.code || err.message}). Start the stack first: npm start`);
  }
  const body = await res.text();
  if (!res.ok) fail(`login as ${email} failed: HTTP ${res.status} ${body.slice(0, 200)} (is the database seeded? npm run seed)`);
  const token = JSON.parse(body).token;
  if (!token) fail(`login answered without a token: ${body.slice(0, 200)}`);
  return token;
}

function apiCreate(token, label) {
  const url = `${apiUrl}/api/v1/tickets`;
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  return async (i) => {
    const res = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        subject: `bench ${runId} ${label} #${i}`,
        description: `Created by bench/tickets.bench.mjs (run ${runId}, ${label}, request ${i}).`,
        urgency: 'medium',
        importance: 'medium',
      }),
    });
    const text = await res.text(); // always drain, so the keep-alive connection is reused
    if (res.status !== 200 && res.status !== 201) throw new Error(`HTTP ${res.status} ${text.slice(0, 200)}`);
  };
}

// ------------------------------------------------------------------------------------------------ raw mysql2
function dbConfig() {
  const u = new URL(databaseUrl);
  return {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password || ''),
  };
}

// The real schema (prisma-free-migrations 0002), with the foreign keys each insert checks; users and
// companies are reduced to their ids.
const RAW_SCHEMA = [
  `CREATE TABLE users (id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY) ENGINE=InnoDB`,
  `CREATE TABLE companies (id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY) ENGINE=InnoDB`,
  `INSERT INTO users (id) VALUES (1)`,
  `INSERT INTO companies (id) VALUES (1)`,
  `CREATE TABLE tickets (
    id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    subject VARCHAR(200) NOT NULL,
    description TEXT NOT NULL,
    status ENUM('open','in_progress','waiting_on_customer','resolved','closed') NOT NULL DEFAULT 'open',
    urgency ENUM('low','medium','high','critical') NOT NULL DEFAULT 'medium',
    importance ENUM('low','medium','high','critical') NOT NULL DEFAULT 'medium',
    priority TINYINT UNSIGNED NOT NULL,
    channel ENUM('portal','email','sms','whatsapp','phone','chat','api') NOT NULL DEFAULT 'portal',
    requester_id INT UNSIGNED NOT NULL,
    company_id INT UNSIGNED NULL,
    assignee_id INT UNSIGNED NULL,
    version INT UNSIGNED NOT NULL DEFAULT 1,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    resolved_at DATETIME(3) NULL,
    closed_at DATETIME(3) NULL,
    KEY tickets_requester_created (requester_id, created_at),
    KEY tickets_status_created (status, created_at),
    KEY tickets_company_created (company_id, created_at),
    KEY tickets_assignee_status (assignee_id, status),
    KEY tickets_created (created_at),
    CONSTRAINT tickets_requester_fk FOREIGN KEY (requester_id) REFERENCES users (id),
    CONSTRAINT tickets_company_fk FOREIGN KEY (company_id) REFERENCES companies (id) ON DELETE SET NULL,
    CONSTRAINT tickets_assignee_fk FOREIGN KEY (assignee_id) REFERENCES users (id) ON DELETE SET NULL
  ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 AUTO_INCREMENT=1001`,
  `CREATE TABLE ticket_entries (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ticket_id INT UNSIGNED NOT NULL,
    kind ENUM('message','reply','note','event') NOT NULL,
    visibility ENUM('public','internal') NOT NULL,
    author_id INT UNSIGNED NULL,
    channel ENUM('portal','email','sms','whatsapp','phone','chat','api') NOT NULL,
    body MEDIUMTEXT NOT NULL,
    event_field VARCHAR(40) NULL,
    event_from VARCHAR(190) NULL,
    event_to VARCHAR(190) NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    KEY ticket_entries_ticket_time (ticket_id, created_at, id),
    CONSTRAINT ticket_entries_ticket_fk FOREIGN KEY (ticket_id) REFERENCES tickets (id) ON DELETE CASCADE,
    CONSTRAINT ticket_entries_author_fk FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE SET NULL
  ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`,
];

async function withRawDatabase(fn) {
  const cfg = dbConfig();
  let admin;
  try {
    admin = await mysql.createConnection(cfg);
  } catch (err) {
    fail(`cannot connect to the database at ${cfg.host}:${cfg.port} for the raw baseline (${err.message})`);
  }
  const drop = () => admin.query(`DROP DATABASE IF EXISTS \`${RAW_DB}\``);
  const onSignal = async () => {
    await drop().catch(() => {});
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  try {
    await drop();
    await admin.query(`CREATE DATABASE \`${RAW_DB}\` CHARACTER SET utf8mb4`);
    const pool = mysql.createPool({ ...cfg, database: RAW_DB, connectionLimit: Math.max(...concurrencies) });
    try {
      for (const sql of RAW_SCHEMA) await pool.query(sql);
      return await fn(pool);
    } finally {
      await pool.end();
    }
  } finally {
    await drop().catch((err) => console.error(`[bench] could not drop ${RAW_DB}: ${err.message}`));
    await admin.end();
    process.off('SIGINT', onSignal);
  }
}

function rawCreate(pool, label) {
  return async (i) => {
    const conn = await pool.getConnection();
    try {
      await conn.beginTransaction();
      const [res] = await conn.execute(
        'INSERT INTO tickets (subject, description, urgency, importance, priority, channel, requester_id, company_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [`bench ${runId} ${label} #${i}`, `Raw baseline (run ${runId}, ${label}, insert ${i}).`, 'medium', 'medium', 3, 'api', 1, 1],
      );
      await conn.execute(
        'INSERT INTO ticket_entries (ticket_id, kind, visibility, author_id, channel, body) VALUES (?, ?, ?, ?, ?, ?)',
        [res.insertId, 'message', 'public', 1, 'api', `Raw baseline (run ${runId}, ${label}, insert ${i}).`],
      );
      await conn.commit();
    } catch (err) {
      await conn.rollback().catch(() => {});
      throw err;
    } finally {
      conn.release();
    }
  };
}

// ------------------------------------------------------------------------------------------------ main
const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

function table(rows, headers) {
  const cells = [headers, ...rows].map((r) => r.map(String));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

console.log(`[bench] run ${runId}: levels ${concurrencies.join('/')} with at most ${counts.join('/')} tickets and ${seconds}s each`);
if (runApi) console.log(`[bench] API ${apiUrl} as ${email}`);
if (runRaw) console.log(`[bench] raw baseline: mysql2 on ${dbConfig().host}:${dbConfig().port}, scratch database ${RAW_DB}`);

const results = concurrencies.map((c, i) => ({ concurrency: c, count: counts[i] }));

if (runApi) {
  const token = await apiToken();
  if (warmup > 0) await drive({ concurrency: Math.min(4, warmup), count: warmup, seconds, op: apiCreate(token, 'warmup') });
  for (const r of results) {
    process.stdout.write(`[bench] API  c=${r.concurrency} ... `);
    r.api = await drive({ concurrency: r.concurrency, count: r.count, seconds, op: apiCreate(token, `c${r.concurrency}`) });
    console.log(`${r.api.done} tickets in ${fmt(r.api.elapsed, 2)}s = ${fmt(r.api.rate)} /s${r.api.errors ? `, ${r.api.errors} errors (first: ${r.api.firstError?.message})` : ''}`);
    if (r.api.done === 0) fail(`no ticket was created at concurrency ${r.concurrency}: ${r.api.firstError?.message}`);
  }
}

if (runRaw) {
  await withRawDatabase(async (pool) => {
    if (warmup > 0) await drive({ concurrency: Math.min(4, warmup), count: warmup, seconds, op: rawCreate(pool, 'warmup') });
    for (const r of results) {
      // The same number of tickets the API created at this level, so both did the same work.
      const count = r.api ? r.api.done : r.count;
      process.stdout.write(`[bench] raw  c=${r.concurrency} ... `);
      r.raw = await drive({ concurrency: r.concurrency, count, seconds, op: rawCreate(pool, `c${r.concurrency}`) });
      console.log(`${r.raw.done} tickets in ${fmt(r.raw.elapsed, 2)}s = ${fmt(r.raw.rate)} /s${r.raw.errors ? `, ${r.raw.errors} errors (first: ${r.raw.firstError?.message})` : ''}`);
    }
  });
}

const headers = ['concurrency'];
if (runApi) headers.push('API tickets', 'API t/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors');
if (runRaw) headers.push('raw t/s', 'raw p50', 'raw p99');
if (runApi && runRaw) headers.push('API/raw');
const rows = results.map((r) => {
  const row = [String(r.concurrency)];
  if (runApi) row.push(r.api.done, fmt(r.api.rate), fmt(r.api.p50), fmt(r.api.p95), fmt(r.api.p99), r.api.errors);
  if (runRaw) row.push(fmt(r.raw.rate), fmt(r.raw.p50), fmt(r.raw.p99));
  if (runApi && runRaw) row.push(`${fmt((100 * r.api.rate) / r.raw.rate, 0)}%`);
  return row;
});
console.log(`\n${table(rows, headers)}\n`);

const target = OSTICKET_TICKETS_PER_S * TARGET_FACTOR;
console.log(`reference: osTicket creates ~${OSTICKET_TICKETS_PER_S} tickets/s through its API on this kind of machine`);
console.log(`target:    ${TARGET_FACTOR}x that = ${target} tickets/s`);
if (runApi) {
  const best = results.reduce((a, b) => (b.api.rate > a.api.rate ? b : a));
  console.log(
    `best:      ${fmt(best.api.rate)} tickets/s at concurrency ${best.concurrency} ` +
      `= ${fmt(best.api.rate / OSTICKET_TICKETS_PER_S)}x osTicket (${best.api.rate >= target ? 'target met' : 'below target'})`,
  );
}
console.log('Figures from one run on a shared 2-core machine are noisy: compare medians over several runs.');
