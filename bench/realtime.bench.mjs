#!/usr/bin/env node
// Live fan-out: one built API process, BENCH_SUBSCRIBERS (default 5,000) concurrent SSE
// subscribers of one ticket's live.ticket subscription, and BENCH_ROUNDS events (internal notes
// posted through REST); for each event, how long until every subscriber has it. See bench/README.md.
//
// Env: BENCH_SUBSCRIBERS (5000), BENCH_ROUNDS (10), BENCH_CONNECT_CONCURRENCY (100),
//      DATABASE_URL server (loopback only; the database part is ignored), REDIS_URL (loopback only),
//      BENCH_API_NODE_ARGS (extra node flags for the API, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { dropDatabase, migrateUp, parseDatabaseUrl, connect, seedDemo } from '@switchboard/migrations';

const ROOT = resolve(import.meta.dirname, '..');
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS || 5000);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 10);
const CONNECT_CONCURRENCY = Number(process.env.BENCH_CONNECT_CONCURRENCY || 100);
const ROUND_TIMEOUT_MS = 20_000;
const LOOPBACK = ['127.0.0.1', 'localhost', '::1', '[::1]'];

const server = new URL(process.env.DATABASE_URL || 'mysql://root@127.0.0.1:3306/switchboard');
const redis = new URL(process.env.REDIS_URL || 'redis://127.0.0.1:6379');
if (!LOOPBACK.includes(server.hostname) || !LOOPBACK.includes(redis.hostname)) {
  console.error('[bench] DATABASE_URL and REDIS_URL must point at this machine');
  process.exit(1);
}
server.pathname = '/switchboard_bench_realtime';
const databaseUrl = server.toString();
const log = (m) => console.log(`[bench] ${m}`);
const now = () => performance.now();

const freePort = () =>
  new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });

async function startApi() {
  const port = await freePort();
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS || '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, resolve(ROOT, 'apps/api/dist/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      API_PORT: String(port),
      API_HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      QUEUE_PREFIX: `sbbenchrt${process.pid}`,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, port, pid: child.pid, stop: () => child.kill('SIGTERM') };
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error('API did not start');
}

async function token(url, email) {
  const res = await fetch(`${url}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'switchboard-demo' }),
  });
  if (!res.ok) throw new Error(`sign-in as ${email}: ${res.status}`);
  return (await res.json()).token;
}

/**
 * One SSE subscriber on a raw socket (5,000 EventSource objects would measure the client): counts
 * the stream's "entry.added" events and notes when each entry id arrived.
 */
function subscribe(port, path, authorization, onEntry) {
  return new Promise((resolveConnected, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'GET', agent: false, headers: { authorization, accept: 'text/event-stream' } });
    req.on('response', (res) => {
      if (res.statusCode !== 200) return reject(new Error(`subscribe: HTTP ${res.statusCode}`));
      res.setEncoding('utf8');
      let buffer = '';
      let connected = false;
      res.on('data', (chunk) => {
        const at = now();
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!connected && message.includes('event: connected')) {
            connected = true;
            resolveConnected(req);
          }
          const match = /"entryId":(\d+)/.exec(message);
          if (match) onEntry(Number(match[1]), at);
          if (message.includes('event: serialized-error')) reject(new Error(`subscription failed: ${message}`));
        }
      });
    });
    req.on('error', reject);
    req.end();
  });
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

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))];
};
const median = (xs) => pct(xs, 0.5);

async function main() {
  const target = parseDatabaseUrl(databaseUrl);
  await dropDatabase(target);
  await migrateUp({ databaseUrl });
  const sequelize = connect(target);
  await seedDemo(sequelize);
  await sequelize.close();

  const api = await startApi();
  const sockets = [];
  try {
    const agent = await token(api.url, 'agent@acme.test');
    const customer = await token(api.url, 'customer@acme.test');
    const created = await fetch(`${api.url}/api/v1/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${customer}` },
      body: JSON.stringify({ subject: 'Realtime bench', description: 'fan-out' }),
    });
    const ticket = await created.json();
    if (!created.ok) throw new Error(`create ticket: ${created.status} ${ticket.message}`);

    // entry id -> arrival times (one per subscriber)
    const arrivals = new Map();
    const onEntry = (entryId, at) => {
      let list = arrivals.get(entryId);
      if (!list) arrivals.set(entryId, (list = []));
      list.push(at);
    };
    const path = `/trpc/live.ticket?input=${encodeURIComponent(JSON.stringify({ ticketId: ticket.id }))}`;
    const connectStarted = now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONNECT_CONCURRENCY }, async () => {
        while (next < SUBSCRIBERS) {
          next++;
          sockets.push(await subscribe(api.port, path, `Bearer ${agent}`, onEntry));
        }
      }),
    );
    log(`${sockets.length} subscribers connected in ${((now() - connectStarted) / 1000).toFixed(1)} s`);

    const note = async (body) => {
      const sent = now();
      const res = await fetch(`${api.url}/api/v1/tickets/${ticket.id}/replies`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${agent}` },
        body: JSON.stringify({ body, internal: true }),
      });
      const entry = await res.json();
      if (!res.ok) throw new Error(`reply: ${res.status} ${entry.message}`);
      return { entryId: entry.id, sent, answered: now() };
    };
    const waitAll = async (entryId) => {
      const deadline = now() + ROUND_TIMEOUT_MS;
      while ((arrivals.get(entryId)?.length ?? 0) < SUBSCRIBERS && now() < deadline) await new Promise((r) => setTimeout(r, 5));
      return arrivals.get(entryId) ?? [];
    };

    // Warm-up: the subscriptions start listening just after "connected"; wait until one event reaches all.
    for (let i = 0; i < 20; i++) {
      const { entryId } = await note(`warm-up ${i}`);
      if ((await waitAll(entryId)).length === SUBSCRIBERS) break;
    }

    const rounds = [];
    const apiCpuBefore = cpuMs(api.pid);
    const benchCpuBefore = process.cpuUsage();
    for (let round = 1; round <= ROUNDS; round++) {
      const { entryId, sent, answered } = await note(`round ${round}`);
      const got = await waitAll(entryId);
      const latencies = got.map((at) => at - sent);
      const r = {
        round,
        delivered: got.length,
        postMs: answered - sent,
        p50: median(latencies),
        p95: pct(latencies, 0.95),
        max: Math.max(...latencies),
      };
      rounds.push(r);
      log(`round ${round}: ${r.delivered}/${SUBSCRIBERS} delivered; POST ${r.postMs.toFixed(0)} ms; p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms, max ${r.max.toFixed(0)} ms`);
      await new Promise((r) => setTimeout(r, 200));
    }

    const apiCpuPerEvent = (cpuMs(api.pid) - apiCpuBefore) / ROUNDS;
    const benchCpu = process.cpuUsage(benchCpuBefore);
    const benchCpuPerEvent = (benchCpu.user + benchCpu.system) / 1000 / ROUNDS;
    const missing = rounds.filter((r) => r.delivered < SUBSCRIBERS).length;
    console.log(`\nlive fan-out: ${SUBSCRIBERS} SSE subscribers on one api process, ${ROUNDS} events (ms from the POST that causes it to arrival):`);
    console.log(`  median over rounds:  p50 ${median(rounds.map((r) => r.p50)).toFixed(0)}  p95 ${median(rounds.map((r) => r.p95)).toFixed(0)}  max ${median(rounds.map((r) => r.max)).toFixed(0)}  (POST itself ${median(rounds.map((r) => r.postMs)).toFixed(0)})`);
    console.log(`  CPU per event:       api ${apiCpuPerEvent.toFixed(0)} ms (${((apiCpuPerEvent * 1000) / SUBSCRIBERS).toFixed(0)} µs per subscriber, the POST included), this load generator ${benchCpuPerEvent.toFixed(0)} ms`);
    console.log(`  load average:        ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} (2 cores shared with everything else on the machine)`);
    console.log(`  worst round p95:     ${Math.max(...rounds.map((r) => r.p95)).toFixed(0)}`);
    console.log(`  rounds with a subscriber missing the event: ${missing}`);
    console.log(`  target: p95 < 200 ms -> ${median(rounds.map((r) => r.p95)) < 200 && missing === 0 ? 'met' : 'NOT met'}`);
  } finally {
    for (const req of sockets) req.destroy();
    api.stop();
    await dropDatabase(target);
  }
}

main().catch((e) => {
  console.error(`[bench] failed: ${e.message}`);
  process.exit(1);
});
