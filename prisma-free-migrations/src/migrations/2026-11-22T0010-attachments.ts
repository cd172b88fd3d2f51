import { CREATED_AT, TABLE_OPTIONS, runStatements, type Migration } from '../migration.js';

export const migration: Migration = {
  name: '2026-11-22T0010-attachments',
  async up({ sequelize }) {
    await runStatements(sequelize, [
      // Files uploaded to tickets, replies and notes. The bytes live in attachment storage under
      // storage_key (their SHA-256), so identical files share one stored object. ticket_id,
      // ticket_entry_id and visibility are NULL until an entry claims the upload; visibility copies
      // the entry's so access checks need no join. Unclaimed rows older than a day may be swept.
      `CREATE TABLE attachments (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        storage_key CHAR(64) NOT NULL,
        filename VARCHAR(190) NOT NULL,
        content_type VARCHAR(127) NOT NULL,
        size BIGINT UNSIGNED NOT NULL,
        uploader_id INT UNSIGNED NULL,
        ticket_id INT UNSIGNED NULL,
        ticket_entry_id BIGINT UNSIGNED NULL,
        visibility ENUM('public','internal') NULL,
        ${CREATED_AT},
        KEY attachments_entry (ticket_entry_id),
        KEY attachments_ticket (ticket_id),
        KEY attachments_unclaimed (ticket_entry_id, created_at),
        KEY attachments_storage_key (storage_key),
        CONSTRAINT attachments_uploader_fk FOREIGN KEY (uploader_id) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT attachments_ticket_fk FOREIGN KEY (ticket_id) REFERENCES tickets (id) ON DELETE CASCADE,
        CONSTRAINT attachments_entry_fk FOREIGN KEY (ticket_entry_id) REFERENCES ticket_entries (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`,
    ]);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, ['DROP TABLE attachments']);
  },
};
