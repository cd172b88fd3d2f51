import { TABLE_OPTIONS, runStatements, type Migration } from '../migration.js';

/**
 * WhatsApp templates (channels/twilio/): the approved templates an admin lists in the phone
 * settings (name, Twilio content SID, variable names), and for a reply sent as a template which
 * one and with what values, written with the reply so the sender sends the template, not text.
 */
export const migration: Migration = {
  name: '2026-12-02T0704-whatsapp-templates',
  async up({ sequelize }) {
    await runStatements(sequelize, [
      'ALTER TABLE twilio_settings ADD COLUMN whatsapp_templates TEXT NULL',
      `CREATE TABLE ticket_entry_templates (
        entry_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
        name VARCHAR(64) NOT NULL,
        content_sid VARCHAR(64) NOT NULL,
        variables JSON NOT NULL,
        CONSTRAINT ticket_entry_templates_entry_fk FOREIGN KEY (entry_id) REFERENCES ticket_entries (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`,
    ]);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, ['DROP TABLE ticket_entry_templates', 'ALTER TABLE twilio_settings DROP COLUMN whatsapp_templates']);
  },
};
