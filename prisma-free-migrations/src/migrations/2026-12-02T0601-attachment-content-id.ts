import { runStatements, type Migration } from '../migration.js';

/**
 * An inline image of an email (`<img src="cid:...">`) is stored as an ordinary attachment that
 * remembers its Content-ID, so the timeline can show it in place of the `cid:` reference.
 */
export const migration: Migration = {
  name: '2026-12-02T0601-attachment-content-id',
  async up({ sequelize }) {
    await runStatements(sequelize, [`ALTER TABLE attachments ADD COLUMN content_id VARCHAR(190) NULL`]);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, ['ALTER TABLE attachments DROP COLUMN content_id']);
  },
};
