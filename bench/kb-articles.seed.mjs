#!/usr/bin/env node
// Generates published knowledge-base articles straight into a database (for bench/kb-search.bench.mjs).
// Usage as a script: DATABASE_URL=mysql://root@127.0.0.1:3306/<db> node bench/kb-articles.seed.mjs [count]
// The database must be migrated. Deterministic: the same count gives the same articles.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import mysql from 'mysql2/promise';

/** A small seeded PRNG (mulberry32), so every run builds the same corpus. */
function rng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Real support vocabulary first (the words people search for), then generated words for the long tail.
const SUPPORT = `account password reset login sign email invoice billing payment refund subscription plan upgrade downgrade
cancel renew license user team admin role permission access token api key webhook integration export import report
dashboard filter search notification alert mobile app android iphone browser chrome firefox safari cache cookie error
timeout crash slow sync calendar contact ticket reply attachment upload download file size limit storage backup restore
printer scanner network vpn wifi router firewall proxy certificate domain dns server database connection install update
version release feature setting profile language timezone currency address phone verification security twofactor
authenticator device session logout locked expired trial discount coupon tax receipt order shipping delivery return
warranty repair replace battery screen keyboard mouse camera microphone audio video meeting share link invite guest`.split(/\s+/);
const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tas', 'vo', 'pel', 'dri', 'sun', 'qua', 'bex', 'nor', 'til', 'gam', 'fe', 'zu', 'rho', 'cin'];

// The most frequent words of any text are function words: InnoDB does not index them (stopwords, or
// shorter than 3), but they fill bodies as in real articles.
const FILLER = `the a to and of in is it you your for on with this that be are as at by or from how what when will if not can
do an we our all`.split(/\s+/);

function vocabulary(random) {
  const words = new Set([...FILLER, ...SUPPORT]);
  while (words.size < 5000) {
    const n = 2 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(w);
  }
  return [...words];
}

/** Zipf-like pick: low ranks are much more frequent, as in real text. */
const zipf = (random, n) => Math.min(n - 1, Math.floor(Math.pow(n + 1, random()) - 1));

export const TAGS = ['billing', 'login', 'mobile', 'api', 'security', 'printing', 'network', 'email', 'export', 'onboarding'];

/** Inserts `count` published articles (and their tag rows) into the open connection's database; returns seconds taken. */
export async function seedArticles(db, count, { batch = 1000, log = () => {} } = {}) {
  const random = rng(42);
  const words = vocabulary(random);
  const [[{ companyId }]] = await db.query('SELECT MIN(id) AS companyId FROM companies');
  const categories = [];
  for (let c = 0; c < 20; c++) {
    const [res] = await db.query('INSERT INTO kb_categories (name, slug, parent_id, position) VALUES (?, ?, ?, ?)', [
      `Bench topic ${c}`,
      `bench-topic-${c}-${Date.now()}`,
      c >= 5 ? categories[c % 5] : null,
      c,
    ]);
    categories.push(res.insertId);
  }
  const started = performance.now();
  const sentence = (n) => Array.from({ length: n }, () => words[zipf(random, words.length)]).join(' ');
  for (let done = 0; done < count; done += batch) {
    const n = Math.min(batch, count - done);
    const rows = [];
    const tags = [];
    const bodies = [];
    for (let i = 0; i < n; i++) {
      const id = done + i + 1;
      const title = `${sentence(3 + Math.floor(random() * 4))} ${id}`;
      const body = Array.from({ length: 4 }, () => `${sentence(20 + Math.floor(random() * 20))}.`).join('\n');
      const articleTags = [TAGS[id % TAGS.length], TAGS[(id * 7) % TAGS.length]].filter((t, k, a) => a.indexOf(t) === k);
      const roll = random();
      const visibility = roll < 0.8 ? 'public' : roll < 0.9 ? 'customers' : roll < 0.95 ? 'company' : 'internal';
      const category = categories[id % categories.length];
      const locale = id % 5 === 0 ? 'de' : 'en';
      // The same facet tokens the API writes (kb/search/facet-tokens.ts facetsOf).
      const facets = [...articleTags.map((t) => `kbtag_${t}`), `kbloc_${locale}`, `kbcat_${category}`].join(' ');
      rows.push([
        category, locale, title, `bench-${id}-${Date.now().toString(36)}`, body, articleTags.join(' '), facets, visibility,
        visibility === 'company' ? companyId : null, 'published', new Date(Date.now() - id * 60_000), Math.floor(random() * 5000),
      ]);
      bodies.push(body);
      tags.push(articleTags);
    }
    const [res] = await db.query(
      `INSERT INTO kb_articles (category_id, locale, title, slug, body_text, tags_text, facets, visibility, company_id,
         state, published_at, view_count) VALUES ?`,
      [rows],
    );
    await db.query('INSERT INTO kb_article_bodies (article_id, body_md, body_html) VALUES ?', [
      bodies.map((body, i) => [res.insertId + i, body, `<p>${body}</p>`]),
    ]);
    const tagRows = tags.flatMap((t, i) => t.map((tag) => [res.insertId + i, tag]));
    await db.query('INSERT INTO kb_article_tags (article_id, tag) VALUES ?', [tagRows]);
    if ((done + n) % 10_000 === 0 || done + n === count) log(`${done + n} articles`);
  }
  await db.query('INSERT IGNORE INTO kb_terms (term) VALUES ?', [words.map((w) => [w])]);
  return (performance.now() - started) / 1000;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const count = Number(process.argv[2] || 100_000);
  const db = await mysql.createConnection(process.env.DATABASE_URL);
  const seconds = await seedArticles(db, count, { log: (m) => console.log(`[seed] ${m}`) });
  console.log(`[seed] ${count} articles in ${seconds.toFixed(0)} s`);
  await db.end();
}
