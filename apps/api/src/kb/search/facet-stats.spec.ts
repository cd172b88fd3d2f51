import type { Sequelize } from 'sequelize-typescript';
import { FACET_SHARE, FacetStats } from './facet-stats.js';

/** A stand-in for the database: counts per statement, and a log of what was asked. */
function fakeDb(counts: { total: number; locale: Record<string, number>; tag: Record<string, number> }) {
  const asked: string[] = [];
  const sequelize = {
    async query(sql: string, { replacements }: { replacements: string[] }) {
      asked.push(sql);
      if (sql.includes('kb_article_tags')) return [{ n: counts.tag[replacements[0]] ?? 0 }];
      if (sql.includes('locale = ?')) return [{ n: counts.locale[replacements[0]] ?? 0 }];
      return [{ n: counts.total }];
    },
  } as unknown as Sequelize;
  return { sequelize, asked };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('FacetStats: a filter is a FULLTEXT facet only when it is selective', () => {
  it('uses the facet until the counts are known, then only for filters below the share', async () => {
    const { sequelize, asked } = fakeDb({ total: 100_000, locale: { en: 80_000, de: 20_000, fr: 1_000 }, tag: { billing: 20_000, legal: 300 } });
    const stats = new FacetStats(sequelize);
    // Unknown yet: the safe choice, and the counts load in the background.
    expect(stats.useFacet('locale', 'de')).toBe(true);
    await settle();
    expect(stats.useFacet('locale', 'de')).toBe(false);
    expect(stats.useFacet('locale', 'en')).toBe(true); // first call for en: not known yet
    await settle();
    expect(stats.useFacet('locale', 'en')).toBe(false);
    for (const [kind, value] of [['locale', 'fr'], ['tag', 'legal'], ['tag', 'billing']] as const) {
      stats.useFacet(kind, value);
      await settle();
    }
    expect(stats.useFacet('locale', 'fr')).toBe(1_000 / 100_000 < FACET_SHARE);
    expect(stats.useFacet('tag', 'legal')).toBe(true);
    expect(stats.useFacet('tag', 'billing')).toBe(false);
    // Each count was asked once: later calls read memory.
    const before = asked.length;
    stats.useFacet('locale', 'de');
    await settle();
    expect(asked.length).toBe(before);
  });

  it('asks again once a count is older than its time to live, keeping the old value meanwhile', async () => {
    let now = 0;
    const counts = { total: 100, locale: { de: 50 }, tag: {} };
    const { sequelize } = fakeDb(counts);
    const stats = new FacetStats(sequelize, () => now);
    await stats.warm('locale', 'de');
    expect(stats.useFacet('locale', 'de')).toBe(false);
    counts.locale.de = 1;
    now += 11 * 60_000;
    expect(stats.useFacet('locale', 'de')).toBe(false); // stale value while the new one loads
    await settle();
    expect(stats.useFacet('locale', 'de')).toBe(true);
  });
});
