import { runStatements, type Migration } from '../migration.js';

/**
 * ticket_entries.source_key: what an entry was made from, for channels that must apply a delivery
 * exactly once (Twilio: `twilio:<kind>:<sid>`). Unique, and written in the same transaction as the
 * entry, so a job retried after the entry committed finds it instead of adding it again. NULL for
 * everything typed by people.
 */
export const migration: Migration = {
  name: '2026-12-02T0701-ticket-entry-source-key',
  async up({ sequelize }) {
    await runStatements(sequelize, [
      `ALTER TABLE ticket_entries ADD COLUMN source_key VARCHAR(100) NULL, ADD UNIQUE KEY ticket_entries_source_key (source_key)`,
    ]);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, ['ALTER TABLE ticket_entries DROP KEY ticket_entries_source_key, DROP COLUMN source_key']);
  },
};
