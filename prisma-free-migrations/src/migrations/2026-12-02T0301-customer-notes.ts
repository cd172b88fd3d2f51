import { CREATED_AT, TABLE_OPTIONS, runStatements, type Migration } from '../migration.js';

/** Staff notes about a customer (the CRM view in the workspace); customers never read them. */
export const migration: Migration = {
  name: '2026-12-02T0301-customer-notes',
  async up({ sequelize }) {
    await runStatements(sequelize, [
      `CREATE TABLE customer_notes (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        customer_id INT UNSIGNED NOT NULL,
        author_id INT UNSIGNED NULL,
        body TEXT NOT NULL,
        ${CREATED_AT},
        KEY customer_notes_customer (customer_id, created_at),
        CONSTRAINT customer_notes_customer_fk FOREIGN KEY (customer_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT customer_notes_author_fk FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE SET NULL
      ) ${TABLE_OPTIONS}`,
    ]);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, ['DROP TABLE customer_notes']);
  },
};
