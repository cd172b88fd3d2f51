import { runStatements, type Migration } from '../migration.js';

/**
 * Counts of published articles per locale from the index alone: search decides from them whether a
 * locale filter is worth a FULLTEXT facet term (apps/api/src/kb/search/facet-stats.ts), and the portal
 * lists the locales readers can switch to.
 */
export const migration: Migration = {
  name: '2026-12-02T0502-kb-articles-state-locale',
  async up({ sequelize }) {
    await runStatements(sequelize, ['CREATE INDEX kb_articles_state_locale ON kb_articles (state, locale)']);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, ['DROP INDEX kb_articles_state_locale ON kb_articles']);
  },
};
