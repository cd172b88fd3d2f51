import { TABLE_OPTIONS, runStatements, type Migration } from '../migration.js';

export const migration: Migration = {
  name: '2026-11-24T0001-entry-html-and-mentions',
  async up({ sequelize }) {
    await runStatements(sequelize, [
      // `body` stays the plain text it always was; `body_html` is the sanitized HTML. Rows from before
      // this migration keep body_html NULL and are shown as their escaped text (docs/decisions/004).
      `ALTER TABLE ticket_entries ADD COLUMN body_html MEDIUMTEXT NULL AFTER body`,
      // Staff @mentioned in an internal note (only staff ever resolve; see docs/decisions/004).
      `CREATE TABLE ticket_entry_mentions (
        entry_id BIGINT UNSIGNED NOT NULL,
        user_id INT UNSIGNED NOT NULL,
        PRIMARY KEY (entry_id, user_id),
        KEY ticket_entry_mentions_user (user_id, entry_id),
        CONSTRAINT ticket_entry_mentions_entry_fk FOREIGN KEY (entry_id) REFERENCES ticket_entries (id) ON DELETE CASCADE,
        CONSTRAINT ticket_entry_mentions_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`,
    ]);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, ['DROP TABLE ticket_entry_mentions', 'ALTER TABLE ticket_entries DROP COLUMN body_html']);
  },
};
