import { CREATED_AT, TABLE_OPTIONS, UPDATED_AT, runStatements, type Migration } from '../migration.js';

/**
 * Support addresses besides SUPPORT_EMAIL, each optionally a company's (or brand's) own: mail to one
 * links its ticket to that address, and everything we send on the ticket goes out From it.
 */
export const migration: Migration = {
  name: '2026-12-02T0602-support-addresses',
  async up({ sequelize }) {
    await runStatements(sequelize, [
      `CREATE TABLE email_support_addresses (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        address VARCHAR(190) NOT NULL,
        display_name VARCHAR(160) NULL,
        company_id INT UNSIGNED NULL,
        ${CREATED_AT},
        ${UPDATED_AT},
        UNIQUE KEY email_support_addresses_address (address),
        KEY email_support_addresses_company (company_id),
        CONSTRAINT email_support_addresses_company_fk FOREIGN KEY (company_id) REFERENCES companies (id) ON DELETE SET NULL
      ) ${TABLE_OPTIONS}`,
      // Which support address a ticket's mail came to (and so goes out from). No row: SUPPORT_EMAIL.
      `CREATE TABLE email_ticket_addresses (
        ticket_id INT UNSIGNED NOT NULL PRIMARY KEY,
        support_address_id INT UNSIGNED NOT NULL,
        ${CREATED_AT},
        KEY email_ticket_addresses_address (support_address_id),
        CONSTRAINT email_ticket_addresses_ticket_fk FOREIGN KEY (ticket_id) REFERENCES tickets (id) ON DELETE CASCADE,
        CONSTRAINT email_ticket_addresses_address_fk FOREIGN KEY (support_address_id) REFERENCES email_support_addresses (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`,
      // Which address an inbound email came to, known before its ticket exists: the acknowledgement
      // (sent as soon as the ticket is created) finds it through the ticket's creation audit row.
      `ALTER TABLE inbound_emails ADD COLUMN support_address_id INT UNSIGNED NULL`,
    ]);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, [
      'ALTER TABLE inbound_emails DROP COLUMN support_address_id',
      'DROP TABLE email_ticket_addresses',
      'DROP TABLE email_support_addresses',
    ]);
  },
};
