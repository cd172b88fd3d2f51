#!/usr/bin/env node
// A/B of the two ways a locale or tag filter can run (docs/decisions/019): as a FULLTEXT facet term,
// or as SQL conditions on the rows read in relevance order. Runs the API's own KbSearchRepository
// (apps/api/dist) against a database kept by `KEEP_BENCH_DB=1 npm run bench:kb`, alternating the two
// variants run by run so that load from other processes hits both alike. Env: BENCH_RUNS (default 100).
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { connect, parseDatabaseUrl } from '@switchboard/migrations';
import { KbSearchRepository } from '../apps/api/dist/kb/search/kb-search.repository.js';
import { booleanQuery, indexableTerms } from '../apps/api/dist/kb/search/fulltext-query.js';

const RUNS = Number(process.env.BENCH_RUNS || 100);
const server = new URL(process.env.DATABASE_URL || 'mysql://root@127.0.0.1:3306/switchboard');
server.pathname = '/switchboard_bench_kb';
const sequelize = connect(parseDatabaseUrl(server.toString()));
const repo = new KbSearchRepository(sequelize);
const visibleSql = "(`a`.`state` = 'published' AND `a`.`visibility` = 'public')";
const cases = [
  ['account, locale de', { q: 'account', locale: 'de' }],
  ['password reset, locale de', { q: 'password reset', locale: 'de' }],
  ['invoice, tag billing', { q: 'invoice', tag: 'billing' }],
  ['account, locale en', { q: 'account', locale: 'en' }],
];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
console.log(`${'case'.padEnd(30)}${'facet p50'.padStart(11)}${'p95'.padStart(8)}${'rows p50'.padStart(11)}${'p95'.padStart(8)}`);
for (const [name, input] of cases) {
  const times = { facet: [], rows: [] };
  for (let i = 0; i < RUNS * 2 + 2; i++) {
    const variant = i % 2 ? 'facet' : 'rows';
    repo.facetStats.useFacet = () => variant === 'facet';
    const t0 = performance.now();
    await repo.fulltext(booleanQuery(indexableTerms(input.q)), { visibleSql, locale: input.locale, tag: input.tag, sort: 'relevance', limit: 10, offset: 0 });
    if (i >= 2) times[variant].push(performance.now() - t0);
  }
  const f = (xs) => `${pct(xs, 0.5).toFixed(1).padStart(11)}${pct(xs, 0.95).toFixed(1).padStart(8)}`;
  console.log(`${name.padEnd(30)}${f(times.facet)}${f(times.rows)}`);
}
await sequelize.close();
