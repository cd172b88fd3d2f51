import { CREATED_AT, TABLE_OPTIONS, UPDATED_AT, runStatements, type Migration } from '../migration.js';

/**
 * SMS and WhatsApp through Twilio (apps/api/src/channels/twilio/):
 * - customer_phones: a customer's phone numbers in E.164, one owner per number, with the opt-out
 *   (STOP) state. Customers created from a phone number get a placeholder email
 *   `<e164>@phone.invalid` (the .invalid TLD can never receive mail), because users.email is unique.
 * - twilio_inbound: every webhook Twilio posted, stored before we answer; MessageSid/CallSid unique
 *   so a redelivery stores nothing new; the job that applies it records the outcome.
 * - outbound_messages: the provider's id and the delivery state reported by the status callback,
 *   and the timeline entry the message delivered.
 */
export const migration: Migration = {
  name: '2026-12-01T0401-twilio-messaging',
  async up({ sequelize }) {
    await runStatements(sequelize, [
      `CREATE TABLE customer_phones (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        user_id INT UNSIGNED NOT NULL,
        e164 VARCHAR(20) NOT NULL,
        opted_out_at DATETIME(3) NULL,
        ${CREATED_AT},
        ${UPDATED_AT},
        UNIQUE KEY customer_phones_e164 (e164),
        KEY customer_phones_user (user_id),
        CONSTRAINT customer_phones_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`,
      `CREATE TABLE twilio_inbound (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        sid VARCHAR(64) NOT NULL,
        kind VARCHAR(20) NOT NULL,
        channel VARCHAR(20) NOT NULL,
        from_address VARCHAR(64) NOT NULL,
        to_address VARCHAR(64) NOT NULL,
        payload JSON NOT NULL,
        outcome VARCHAR(20) NULL,
        ticket_id INT UNSIGNED NULL,
        entry_id INT UNSIGNED NULL,
        processed_at DATETIME(3) NULL,
        ${CREATED_AT},
        UNIQUE KEY twilio_inbound_sid (kind, sid),
        KEY twilio_inbound_ticket (ticket_id, created_at)
      ) ${TABLE_OPTIONS}`,
      `ALTER TABLE outbound_messages
        ADD COLUMN ticket_entry_id INT UNSIGNED NULL,
        ADD COLUMN provider_sid VARCHAR(64) NULL,
        ADD COLUMN delivery_status VARCHAR(20) NULL,
        ADD COLUMN delivery_error VARCHAR(255) NULL,
        ADD COLUMN delivery_updated_at DATETIME(3) NULL,
        ADD UNIQUE KEY outbound_messages_provider_sid (provider_sid),
        ADD KEY outbound_messages_entry (ticket_entry_id)`,
    ]);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, [
      `ALTER TABLE outbound_messages
        DROP KEY outbound_messages_entry,
        DROP KEY outbound_messages_provider_sid,
        DROP COLUMN delivery_updated_at,
        DROP COLUMN delivery_error,
        DROP COLUMN delivery_status,
        DROP COLUMN provider_sid,
        DROP COLUMN ticket_entry_id`,
      'DROP TABLE twilio_inbound',
      'DROP TABLE customer_phones',
    ]);
  },
};
