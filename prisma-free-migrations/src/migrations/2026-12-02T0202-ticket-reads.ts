import { TABLE_OPTIONS, runStatements, type Migration } from '../migration.js';

/** Read receipts: how far each person has read a ticket's timeline (the newest entry they were shown) and when. */
export const migration: Migration = {
  name: '2026-12-02T0202-ticket-reads',
  async up({ sequelize }) {
    await runStatements(sequelize, [
      `CREATE TABLE ticket_reads (
        ticket_id INT UNSIGNED NOT NULL,
        user_id INT UNSIGNED NOT NULL,
        last_entry_id BIGINT UNSIGNED NOT NULL,
        read_at DATETIME(3) NOT NULL,
        PRIMARY KEY (ticket_id, user_id),
        CONSTRAINT ticket_reads_ticket_fk FOREIGN KEY (ticket_id) REFERENCES tickets (id) ON DELETE CASCADE,
        CONSTRAINT ticket_reads_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`,
    ]);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, ['DROP TABLE ticket_reads']);
  },
};
