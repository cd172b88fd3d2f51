import { TABLE_OPTIONS, runStatements, type Migration } from '../migration.js';

/**
 * Searches that found nothing, counted per normalised query, locale and day (UTC), so managers can
 * ask "what did customers look for and not find" over a period. Replaces the all-time counters of
 * kb_search_misses (their rows move to the day of their last miss). Each client counts once per query
 * and day; the dedupe and the per-client cap live in Redis (apps/api/src/kb/search/miss-limiter.ts).
 */
export const migration: Migration = {
  name: '2026-12-02T0501-kb-search-miss-days',
  async up({ sequelize }) {
    await runStatements(sequelize, [
      `CREATE TABLE kb_search_miss_days (
        day DATE NOT NULL,
        query VARCHAR(190) NOT NULL,
        locale VARCHAR(10) NOT NULL,
        count INT UNSIGNED NOT NULL DEFAULT 1,
        last_at DATETIME(3) NOT NULL,
        PRIMARY KEY (day, query, locale)
      ) ${TABLE_OPTIONS}`,
      `INSERT INTO kb_search_miss_days (day, query, locale, count, last_at)
       SELECT DATE(last_at), query, locale, count, last_at FROM kb_search_misses`,
      'DROP TABLE kb_search_misses',
    ]);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, [
      `CREATE TABLE kb_search_misses (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        query VARCHAR(190) NOT NULL,
        locale VARCHAR(10) NOT NULL,
        count INT UNSIGNED NOT NULL DEFAULT 1,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        last_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        UNIQUE KEY kb_search_misses_query (query, locale),
        KEY kb_search_misses_count (count)
      ) ${TABLE_OPTIONS}`,
      `INSERT INTO kb_search_misses (query, locale, count, created_at, last_at)
       SELECT query, locale, SUM(count), MIN(last_at), MAX(last_at) FROM kb_search_miss_days GROUP BY query, locale`,
      'DROP TABLE kb_search_miss_days',
    ]);
  },
};
