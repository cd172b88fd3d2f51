import { CREATED_AT, TABLE_OPTIONS, runStatements, type Migration } from '../migration.js';

export const migration: Migration = {
  name: '2026-11-22T0003-outbox',
  async up({ sequelize }) {
    await runStatements(sequelize, [
      // Transactional outbox: written in the same transaction as the change that caused it,
      // moved to Bull by the relay, final state recorded here.
      `CREATE TABLE outbox_events (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        topic VARCHAR(80) NOT NULL,
        payload JSON NOT NULL,
        status ENUM('pending','queued','done','failed') NOT NULL DEFAULT 'pending',
        attempts INT UNSIGNED NOT NULL DEFAULT 0,
        last_error TEXT NULL,
        ${CREATED_AT},
        queued_at DATETIME(3) NULL,
        done_at DATETIME(3) NULL,
        KEY outbox_events_status (status, id)
      ) ${TABLE_OPTIONS}`,
      // What the system sent, or would have sent without provider credentials (the dev outbox).
      `CREATE TABLE outbound_messages (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        outbox_event_id BIGINT UNSIGNED NULL,
        channel VARCHAR(20) NOT NULL,
        recipient VARCHAR(190) NOT NULL,
        subject VARCHAR(255) NULL,
        body MEDIUMTEXT NOT NULL,
        status VARCHAR(20) NOT NULL,
        ticket_id INT UNSIGNED NULL,
        ${CREATED_AT},
        UNIQUE KEY outbound_messages_event_recipient (outbox_event_id, recipient),
        KEY outbound_messages_created (created_at),
        KEY outbound_messages_ticket (ticket_id)
      ) ${TABLE_OPTIONS}`,
    ]);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, ['DROP TABLE outbound_messages', 'DROP TABLE outbox_events']);
  },
};
