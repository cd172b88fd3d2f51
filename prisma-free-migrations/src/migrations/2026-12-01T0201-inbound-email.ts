import { CREATED_AT, TABLE_OPTIONS, UPDATED_AT, runStatements, type Migration } from '../migration.js';

/**
 * The email channel: every payload SendGrid Inbound Parse posts us (kept raw, before we answer),
 * every Message-ID we stored or sent with the ticket it belongs to (threading), and what SendGrid
 * did with the mail we sent (outbound_messages gains the ids and the failure reason).
 */
export const migration: Migration = {
  name: '2026-12-01T0201-inbound-email',
  async up({ sequelize }) {
    // outbound_messages.delivery_status comes from 2026-12-01T0401-twilio-messaging (it runs first); email
    // statuses (processed, delivered, deferred, bounced, dropped, opened) share it with SMS ones.
    await runStatements(sequelize, [
      `CREATE TABLE inbound_emails (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        message_id VARCHAR(255) NOT NULL,
        mode ENUM('raw','parsed') NOT NULL,
        payload LONGTEXT NOT NULL,
        sender VARCHAR(190) NULL,
        subject VARCHAR(255) NULL,
        status ENUM('received','processing','processed','failed','ignored','spam') NOT NULL DEFAULT 'received',
        failure_reason TEXT NULL,
        route VARCHAR(40) NULL,
        route_reason VARCHAR(255) NULL,
        ticket_id INT UNSIGNED NULL,
        ticket_entry_id BIGINT UNSIGNED NULL,
        attempts INT UNSIGNED NOT NULL DEFAULT 0,
        released TINYINT(1) NOT NULL DEFAULT 0,
        claimed_at DATETIME(3) NULL,
        processed_at DATETIME(3) NULL,
        ${CREATED_AT},
        ${UPDATED_AT},
        UNIQUE KEY inbound_emails_message_id (message_id),
        KEY inbound_emails_status (status, created_at),
        KEY inbound_emails_sender (sender, created_at),
        KEY inbound_emails_ticket (ticket_id)
      ) ${TABLE_OPTIONS}`,
      // Every Message-ID that belongs to a ticket: inbound ones and the ones we generated when sending.
      `CREATE TABLE email_message_ids (
        message_id VARCHAR(255) NOT NULL PRIMARY KEY,
        ticket_id INT UNSIGNED NOT NULL,
        ticket_entry_id BIGINT UNSIGNED NULL,
        direction ENUM('in','out') NOT NULL,
        outbound_message_id BIGINT UNSIGNED NULL,
        ${CREATED_AT},
        KEY email_message_ids_ticket (ticket_id),
        CONSTRAINT email_message_ids_ticket_fk FOREIGN KEY (ticket_id) REFERENCES tickets (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`,
      // Addresses copied on a ticket's mail: they may write on it by subject token, and get replies.
      `CREATE TABLE ticket_email_participants (
        ticket_id INT UNSIGNED NOT NULL,
        email VARCHAR(190) NOT NULL,
        ${CREATED_AT},
        PRIMARY KEY (ticket_id, email),
        KEY ticket_email_participants_email (email),
        CONSTRAINT ticket_email_participants_ticket_fk FOREIGN KEY (ticket_id) REFERENCES tickets (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`,
      // Senders whose mail was automatic (auto-replies, bulk): automatic mail to them is suppressed for a while.
      `CREATE TABLE email_suppressions (
        email VARCHAR(190) NOT NULL PRIMARY KEY,
        reason VARCHAR(80) NOT NULL,
        until DATETIME(3) NOT NULL,
        ${CREATED_AT}
      ) ${TABLE_OPTIONS}`,
      `ALTER TABLE outbound_messages
        ADD COLUMN message_id VARCHAR(255) NULL,
        ADD COLUMN provider_id VARCHAR(100) NULL,
        ADD COLUMN delivery_at DATETIME(3) NULL,
        ADD COLUMN automatic TINYINT(1) NOT NULL DEFAULT 1,
        ADD COLUMN error TEXT NULL,
        ADD KEY outbound_messages_message_id (message_id),
        ADD KEY outbound_messages_provider_id (provider_id),
        ADD KEY outbound_messages_recipient (recipient, created_at)`,
      // SendGrid Event Webhook events, once each (sg_event_id), about the messages we sent.
      `CREATE TABLE email_delivery_events (
        sg_event_id VARCHAR(100) NOT NULL PRIMARY KEY,
        outbound_message_id BIGINT UNSIGNED NULL,
        sg_message_id VARCHAR(255) NULL,
        event VARCHAR(30) NOT NULL,
        recipient VARCHAR(190) NULL,
        reason TEXT NULL,
        occurred_at DATETIME(3) NOT NULL,
        payload JSON NOT NULL,
        ${CREATED_AT},
        KEY email_delivery_events_message (outbound_message_id, occurred_at)
      ) ${TABLE_OPTIONS}`,
      // Editable mail templates (liquid), per company; company_key 0 is the default for everyone.
      `CREATE TABLE email_templates (
        company_key INT UNSIGNED NOT NULL,
        kind VARCHAR(40) NOT NULL,
        enabled TINYINT(1) NOT NULL DEFAULT 1,
        subject VARCHAR(255) NOT NULL,
        body_text MEDIUMTEXT NOT NULL,
        body_html MEDIUMTEXT NULL,
        updated_by INT UNSIGNED NULL,
        ${UPDATED_AT},
        PRIMARY KEY (company_key, kind)
      ) ${TABLE_OPTIONS}`,
      // The inbound processor's crash marker: the audit row a command writes names the inbound email.
      `ALTER TABLE audit_log ADD KEY audit_log_user_agent (user_agent)`,
    ]);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, [
      'ALTER TABLE audit_log DROP KEY audit_log_user_agent',
      'DROP TABLE email_delivery_events',
      'DROP TABLE email_templates',
      `ALTER TABLE outbound_messages DROP KEY outbound_messages_recipient, DROP KEY outbound_messages_provider_id,
        DROP KEY outbound_messages_message_id, DROP COLUMN error, DROP COLUMN automatic, DROP COLUMN delivery_at,
        DROP COLUMN provider_id, DROP COLUMN message_id`,
      'DROP TABLE email_suppressions',
      'DROP TABLE ticket_email_participants',
      'DROP TABLE email_message_ids',
      'DROP TABLE inbound_emails',
    ]);
  },
};
