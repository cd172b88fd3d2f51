import { CREATED_AT, TABLE_OPTIONS, UPDATED_AT, runStatements, type Migration } from '../migration.js';

const LEVEL = "ENUM('low','medium','high','critical')";
const CHANNEL = "ENUM('portal','email','sms','whatsapp','phone','chat','api')";

export const migration: Migration = {
  name: '2026-11-22T0002-tickets-and-timeline',
  async up({ sequelize }) {
    await runStatements(sequelize, [
      // The ticket id is its human-friendly number (#1001, #1002, ...): AUTO_INCREMENT is safe under
      // parallel creation without a counter row that every insert would have to lock.
      `CREATE TABLE tickets (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        subject VARCHAR(200) NOT NULL,
        description TEXT NOT NULL,
        status ENUM('open','in_progress','waiting_on_customer','resolved','closed') NOT NULL DEFAULT 'open',
        urgency ${LEVEL} NOT NULL DEFAULT 'medium',
        importance ${LEVEL} NOT NULL DEFAULT 'medium',
        priority TINYINT UNSIGNED NOT NULL,
        channel ${CHANNEL} NOT NULL DEFAULT 'portal',
        requester_id INT UNSIGNED NOT NULL,
        company_id INT UNSIGNED NULL,
        assignee_id INT UNSIGNED NULL,
        version INT UNSIGNED NOT NULL DEFAULT 1,
        ${CREATED_AT},
        ${UPDATED_AT},
        resolved_at DATETIME(3) NULL,
        closed_at DATETIME(3) NULL,
        KEY tickets_requester_created (requester_id, created_at),
        KEY tickets_status_created (status, created_at),
        KEY tickets_company_created (company_id, created_at),
        KEY tickets_assignee_status (assignee_id, status),
        KEY tickets_created (created_at),
        CONSTRAINT tickets_requester_fk FOREIGN KEY (requester_id) REFERENCES users (id),
        CONSTRAINT tickets_company_fk FOREIGN KEY (company_id) REFERENCES companies (id) ON DELETE SET NULL,
        CONSTRAINT tickets_assignee_fk FOREIGN KEY (assignee_id) REFERENCES users (id) ON DELETE SET NULL
      ) ${TABLE_OPTIONS} AUTO_INCREMENT=1001`,
      // One chronological stream per ticket: customer messages, replies, internal notes, system events.
      `CREATE TABLE ticket_entries (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        ticket_id INT UNSIGNED NOT NULL,
        kind ENUM('message','reply','note','event') NOT NULL,
        visibility ENUM('public','internal') NOT NULL,
        author_id INT UNSIGNED NULL,
        channel ${CHANNEL} NOT NULL,
        body MEDIUMTEXT NOT NULL,
        event_field VARCHAR(40) NULL,
        event_from VARCHAR(190) NULL,
        event_to VARCHAR(190) NULL,
        ${CREATED_AT},
        KEY ticket_entries_ticket_time (ticket_id, created_at, id),
        CONSTRAINT ticket_entries_ticket_fk FOREIGN KEY (ticket_id) REFERENCES tickets (id) ON DELETE CASCADE,
        CONSTRAINT ticket_entries_author_fk FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE SET NULL
      ) ${TABLE_OPTIONS}`,
      `CREATE TABLE audit_log (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        actor_id INT UNSIGNED NULL,
        action VARCHAR(64) NOT NULL,
        subject_type VARCHAR(40) NOT NULL,
        subject_id VARCHAR(64) NOT NULL,
        before_state JSON NULL,
        after_state JSON NULL,
        ip VARCHAR(64) NULL,
        ${CREATED_AT},
        KEY audit_log_subject (subject_type, subject_id, created_at),
        KEY audit_log_actor (actor_id, created_at)
      ) ${TABLE_OPTIONS}`,
    ]);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, ['DROP TABLE audit_log', 'DROP TABLE ticket_entries', 'DROP TABLE tickets']);
  },
};
