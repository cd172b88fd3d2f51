import { CREATED_AT, TABLE_OPTIONS, runStatements, type Migration } from '../migration.js';

/** The reserved author of automatic changes (auto-close); no password, so nobody can sign in as it. */
export const SYSTEM_USER_EMAIL = 'system@switchboard.invalid';

export const migration: Migration = {
  name: '2026-11-29T0001-satisfaction-links-audit-ua',
  async up({ sequelize }) {
    await runStatements(sequelize, [
      `ALTER TABLE audit_log ADD COLUMN user_agent VARCHAR(255) NULL AFTER ip`,
      // The auto-close job asks for resolved tickets whose resolved_at is older than the window.
      `ALTER TABLE tickets ADD KEY tickets_status_resolved (status, resolved_at)`,
      `INSERT INTO users (email, name, password_hash, role, company_id) VALUES ('${SYSTEM_USER_EMAIL}', 'Switchboard', NULL, 'admin', NULL)`,
      // One rating per ticket; a later rating by the requester replaces it (see docs/decisions/004).
      `CREATE TABLE satisfaction_ratings (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        ticket_id INT UNSIGNED NOT NULL,
        rating TINYINT UNSIGNED NOT NULL,
        comment TEXT NULL,
        customer_id INT UNSIGNED NOT NULL,
        agent_id INT UNSIGNED NULL,
        source ENUM('portal','link') NOT NULL,
        ${CREATED_AT},
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        UNIQUE KEY satisfaction_ratings_ticket (ticket_id),
        KEY satisfaction_ratings_agent (agent_id, created_at),
        CONSTRAINT satisfaction_ratings_ticket_fk FOREIGN KEY (ticket_id) REFERENCES tickets (id) ON DELETE CASCADE,
        CONSTRAINT satisfaction_ratings_customer_fk FOREIGN KEY (customer_id) REFERENCES users (id),
        CONSTRAINT satisfaction_ratings_agent_fk FOREIGN KEY (agent_id) REFERENCES users (id) ON DELETE SET NULL
      ) ${TABLE_OPTIONS}`,
      // One-click rating links are single use: the id of a used token is stored here.
      `CREATE TABLE satisfaction_token_uses (
        token_id CHAR(32) NOT NULL PRIMARY KEY,
        ticket_id INT UNSIGNED NOT NULL,
        ${CREATED_AT},
        KEY satisfaction_token_uses_ticket (ticket_id)
      ) ${TABLE_OPTIONS}`,
      // Links between tickets: 'follow_up' (a reply to a long-closed ticket), later 'related' and others.
      `CREATE TABLE ticket_links (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        source_ticket_id INT UNSIGNED NOT NULL,
        target_ticket_id INT UNSIGNED NOT NULL,
        kind VARCHAR(32) NOT NULL,
        created_by INT UNSIGNED NULL,
        ${CREATED_AT},
        UNIQUE KEY ticket_links_unique (source_ticket_id, target_ticket_id, kind),
        KEY ticket_links_target (target_ticket_id),
        CONSTRAINT ticket_links_source_fk FOREIGN KEY (source_ticket_id) REFERENCES tickets (id) ON DELETE CASCADE,
        CONSTRAINT ticket_links_target_fk FOREIGN KEY (target_ticket_id) REFERENCES tickets (id) ON DELETE CASCADE,
        CONSTRAINT ticket_links_creator_fk FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL
      ) ${TABLE_OPTIONS}`,
    ]);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, [
      'DROP TABLE ticket_links',
      'DROP TABLE satisfaction_token_uses',
      'DROP TABLE satisfaction_ratings',
      // Automatic changes keep their history: the audit rows lose their author id reference only by id.
      `DELETE FROM users WHERE email = '${SYSTEM_USER_EMAIL}'`,
      'ALTER TABLE tickets DROP KEY tickets_status_resolved',
      'ALTER TABLE audit_log DROP COLUMN user_agent',
    ]);
  },
};
