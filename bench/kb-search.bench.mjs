#!/usr/bin/env node
// Knowledge-base search latency with many articles: builds its own database with BENCH_ARTICLES
// published articles (default 100,000; bench/kb-articles.seed.mjs), starts the built API against it
// on a loopback port, and times kb.search / kb.suggest over tRPC, as a visitor and as a signed-in
// customer of a company. See bench/README.md.
//
// Env: BENCH_ARTICLES (default 100000), BENCH_RUNS per query (default 30),
//      DATABASE_URL server (loopback only; the database part is ignored), KEEP_BENCH_DB=1 keeps it,
//      REUSE_BENCH_DB=1 uses a database kept by an earlier run instead of building it again.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import mysql from 'mysql2/promise';
import { connect, dropDatabase, migrateUp, parseDatabaseUrl, seedDemo } from '@switchboard/migrations';
import 'reflect-metadata';
import { seedArticles } from './kb-articles.seed.mjs';
import { KbSearchRepository } from '../apps/api/dist/kb/search/kb-search.repository.js';
import { booleanQuery, indexableTerms } from '../apps/api/dist/kb/search/fulltext-query.js';

const ROOT = resolve(import.meta.dirname, '..');
const ARTICLES = Number(process.env.BENCH_ARTICLES || 100_000);
const RUNS = Number(process.env.BENCH_RUNS || 30);
const server = new URL(process.env.DATABASE_URL || 'mysql://root@127.0.0.1:3306/switchboard');
if (!['127.0.0.1', 'localhost', '::1'].includes(server.hostname)) {
  console.error('[bench] DATABASE_URL must point at this machine');
  process.exit(1);
}
server.pathname = '/switchboard_bench_kb';
const databaseUrl = server.toString();
const log = (m) => console.log(`[bench] ${m}`);

async function buildDatabase() {
  const target = parseDatabaseUrl(databaseUrl);
  if (process.env.REUSE_BENCH_DB) {
    const db = await mysql.createConnection({ ...target, user: target.user, database: target.database }).catch(() => null);
    const [[row]] = db ? await db.query("SELECT COUNT(*) AS n FROM kb_articles WHERE state = 'published'").catch(() => [[{ n: 0 }]]) : [[{ n: 0 }]];
    await db?.end();
    if (Number(row.n) >= ARTICLES) {
      log(`reusing ${databaseUrl} (${row.n} published articles)`);
      return;
    }
  }
  await dropDatabase(target);
  await migrateUp({ databaseUrl });
  const sequelize = connect(target);
  await seedDemo(sequelize);
  await sequelize.close();
  const db = await mysql.createConnection({ ...target, user: target.user, database: target.database });
  const seconds = await seedArticles(db, ARTICLES, { log });
  const [[{ published }]] = await db.query("SELECT COUNT(*) AS published FROM kb_articles WHERE state = 'published'");
  // Folds the FULLTEXT cache and deleted-doc lists into the index, as a periodic job would in production.
  await db.query('SET GLOBAL innodb_optimize_fulltext_only = ON').catch(() => undefined);
  await db.query('OPTIMIZE TABLE kb_articles').catch(() => undefined);
  await db.query('SET GLOBAL innodb_optimize_fulltext_only = OFF').catch(() => undefined);
  await db.query('ANALYZE TABLE kb_articles, kb_article_tags');
  await db.end();
  log(`built ${ARTICLES} articles in ${seconds.toFixed(0)} s (${published} published in the database)`);
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
    env: { ...process.env, DATABASE_URL: databaseUrl, API_PORT: String(port), API_HOST: '127.0.0.1', LOG_LEVEL: 'warn', QUEUE_PREFIX: 'sbbenchkb' },
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

/**
 * The database's share: the same search statements as the API (its built KbSearchRepository), for a
 * visitor, straight over one connection pool, without HTTP, tRPC or authentication.
 */
async function sqlOnly(cases) {
  const sequelize = connect(parseDatabaseUrl(databaseUrl));
  const repo = new KbSearchRepository(sequelize);
  const visibleSql = "(`a`.`state` = 'published' AND `a`.`visibility` = 'public')";
  console.log(`\nthe same searches as SQL only (visitor), ${RUNS} runs each (ms):`);
  console.log(`${'query'.padEnd(44)}${'hits'.padStart(6)}${'p50'.padStart(8)}${'p95'.padStart(8)}${'max'.padStart(8)}`);
  const all = [];
  for (const [name, , input] of cases) {
    const terms = indexableTerms(input.q);
    const filter = { visibleSql, locale: input.locale, tag: input.tag, sort: input.sort ?? 'relevance', limit: 10, offset: input.offset ?? 0 };
    // The API loads these counts in the background on first use; load them before timing here.
    if (input.locale) await repo.facetStats.warm('locale', input.locale);
    if (input.tag) await repo.facetStats.warm('tag', input.tag);
    const times = [];
    let hits = 0;
    for (let i = 0; i <= RUNS; i++) {
      const t0 = performance.now();
      hits = (await repo.fulltext(booleanQuery(terms), filter)).length;
      if (i > 0) times.push(performance.now() - t0);
    }
    all.push(...times);
    console.log(`${name.padEnd(44)}${String(hits).padStart(6)}${pct(times, 0.5).toFixed(1).padStart(8)}${pct(times, 0.95).toFixed(1).padStart(8)}${Math.max(...times).toFixed(1).padStart(8)}`);
  }
  console.log(`${'all'.padEnd(44)}${''.padStart(6)}${pct(all, 0.5).toFixed(1).padStart(8)}${pct(all, 0.95).toFixed(1).padStart(8)}${Math.max(...all).toFixed(1).padStart(8)}`);
  await sequelize.close();
}

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const pct = (xs, p) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

async function main() {
  await buildDatabase();
  const api = await startApi();
  try {
    const { token } = await (
      await fetch(`${api.url}/api/v1/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'customer@acme.test', password: 'switchboard-demo' }),
      })
    ).json();
    const call = async (procedure, input, auth) => {
      const t0 = performance.now();
      const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
      const res = await fetch(`${api.url}/trpc/kb.${procedure}${query}`, {
        headers: auth ? { authorization: `Bearer ${token}` } : {},
      });
      const body = await res.json();
      if (!res.ok) throw new Error(`${procedure} ${JSON.stringify(input)}: ${res.status} ${JSON.stringify(body.error?.message)}`);
      return { ms: performance.now() - t0, data: body.result.data };
    };
    const cases = [
      ['common word (account)', 'search', { q: 'account' }],
      ['two words (password reset)', 'search', { q: 'password reset' }],
      ['mid-frequency word (printer)', 'search', { q: 'printer' }],
      ['rare generated word', 'search', { q: 'kalopel' }],
      ['word + tag filter', 'search', { q: 'invoice', tag: 'billing' }],
      ['word + locale de', 'search', { q: 'account', locale: 'de' }],
      ['word, sort popular', 'search', { q: 'login', sort: 'popular' }],
      ['word, sort newest', 'search', { q: 'login', sort: 'newest' }],
      ['page 3', 'search', { q: 'account', offset: 20 }],
      ['no result + did you mean', 'search', { q: 'pasword resett' }],
      ['deflection text (any word)', 'search', { q: 'my printer shows an error after the update', deflection: true, limit: 3 }],
      ['suggest (prefix)', 'suggest', { q: 'passw' }],
    ];
    const rows = [];
    const all = [];
    // What any call costs without a search: HTTP, tRPC, authentication, one small query.
    for (const auth of [false, true]) {
      const times = [];
      for (let i = 0; i < RUNS; i++) times.push((await call('categories', undefined, auth)).ms);
      rows.push({ name: `baseline: kb.categories${auth ? ' [customer]' : ''}`, hits: 0, p50: pct(times, 0.5), p95: pct(times, 0.95), max: Math.max(...times) });
    }
    for (const [name, procedure, input] of cases) {
      for (const auth of [false, true]) {
        await call(procedure, input, auth); // warm-up, not counted
        const times = [];
        let hits = 0;
        for (let i = 0; i < RUNS; i++) {
          const r = await call(procedure, input, auth);
          times.push(r.ms);
          hits = Array.isArray(r.data) ? r.data.length : r.data.items.length;
        }
        all.push(...times);
        rows.push({ name: `${name}${auth ? ' [customer]' : ''}`, hits, p50: pct(times, 0.5), p95: pct(times, 0.95), max: Math.max(...times) });
      }
    }
    console.log(`\nkb search over ${ARTICLES.toLocaleString('en')} published articles, ${RUNS} runs each (ms, including HTTP):`);
    console.log(`${'query'.padEnd(44)}${'hits'.padStart(6)}${'p50'.padStart(8)}${'p95'.padStart(8)}${'max'.padStart(8)}`);
    for (const r of rows) {
      console.log(`${r.name.padEnd(44)}${String(r.hits).padStart(6)}${r.p50.toFixed(1).padStart(8)}${r.p95.toFixed(1).padStart(8)}${r.max.toFixed(1).padStart(8)}`);
    }
    console.log(`${'all queries'.padEnd(44)}${''.padStart(6)}${pct(all, 0.5).toFixed(1).padStart(8)}${pct(all, 0.95).toFixed(1).padStart(8)}${Math.max(...all).toFixed(1).padStart(8)}`);
    console.log('target: p95 < 50 ms');
    await sqlOnly(cases.filter(([, procedure, input]) => procedure === 'search' && !input.deflection));
  } finally {
    api.stop();
    if (!process.env.KEEP_BENCH_DB) await dropDatabase(parseDatabaseUrl(databaseUrl));
  }
}

main().catch((e) => {
  console.error(`[bench] failed: ${e.message}`);
  process.exit(1);
});
