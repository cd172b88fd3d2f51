import { CREATED_AT, TABLE_OPTIONS, UPDATED_AT, runStatements, type Migration } from '../migration.js';

/**
 * Live chat: per-company widget settings (the HMAC secret for identified visitors, the proactive
 * invitation rule, the category its chats get so the routing rules route them), one chat session per chat ticket, identified visitors by the host site's user id,
 * the client ids of visitor messages (idempotent posts), and canned replies for agents.
 */
export const migration: Migration = {
  name: '2026-12-02T0101-live-chat',
  async up({ sequelize }) {
    await runStatements(sequelize, [
      `ALTER TABLE companies
        ADD COLUMN chat_enabled TINYINT(1) NOT NULL DEFAULT 0,
        ADD COLUMN chat_secret VARCHAR(128) NULL,
        ADD COLUMN chat_invite_after_seconds INT UNSIGNED NULL,
        ADD COLUMN chat_invite_url_pattern VARCHAR(255) NULL,
        ADD COLUMN chat_invite_message VARCHAR(255) NULL,
        ADD COLUMN chat_category_id INT UNSIGNED NULL,
        ADD CONSTRAINT companies_chat_category_fk FOREIGN KEY (chat_category_id) REFERENCES categories (id) ON DELETE SET NULL`,
      `CREATE TABLE chat_sessions (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        company_id INT UNSIGNED NOT NULL,
        ticket_id INT UNSIGNED NOT NULL,
        visitor_id INT UNSIGNED NOT NULL,
        token_hash CHAR(64) NOT NULL,
        identified TINYINT(1) NOT NULL DEFAULT 0,
        state ENUM('waiting','active','ended') NOT NULL DEFAULT 'waiting',
        agent_id INT UNSIGNED NULL,
        visitor_name VARCHAR(120) NULL,
        visitor_email VARCHAR(190) NULL,
        page_url VARCHAR(1000) NULL,
        start_client_id VARCHAR(64) NULL,
        last_visitor_at DATETIME(3) NOT NULL,
        accepted_at DATETIME(3) NULL,
        ended_at DATETIME(3) NULL,
        end_reason ENUM('agent','visitor','abandoned','no_agent') NULL,
        follow_up_at DATETIME(3) NULL,
        ${CREATED_AT},
        ${UPDATED_AT},
        UNIQUE KEY chat_sessions_ticket (ticket_id),
        UNIQUE KEY chat_sessions_token (token_hash),
        UNIQUE KEY chat_sessions_start (company_id, start_client_id),
        KEY chat_sessions_state (state, id),
        CONSTRAINT chat_sessions_company_fk FOREIGN KEY (company_id) REFERENCES companies (id) ON DELETE CASCADE,
        CONSTRAINT chat_sessions_ticket_fk FOREIGN KEY (ticket_id) REFERENCES tickets (id) ON DELETE CASCADE,
        CONSTRAINT chat_sessions_visitor_fk FOREIGN KEY (visitor_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT chat_sessions_agent_fk FOREIGN KEY (agent_id) REFERENCES users (id) ON DELETE SET NULL
      ) ${TABLE_OPTIONS}`,
      `CREATE TABLE chat_visitors (
        company_id INT UNSIGNED NOT NULL,
        external_id VARCHAR(190) NOT NULL,
        user_id INT UNSIGNED NOT NULL,
        ${CREATED_AT},
        PRIMARY KEY (company_id, external_id),
        CONSTRAINT chat_visitors_company_fk FOREIGN KEY (company_id) REFERENCES companies (id) ON DELETE CASCADE,
        CONSTRAINT chat_visitors_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`,
      `CREATE TABLE chat_messages (
        session_id INT UNSIGNED NOT NULL,
        client_id VARCHAR(64) NOT NULL,
        entry_id BIGINT UNSIGNED NULL,
        ${CREATED_AT},
        PRIMARY KEY (session_id, client_id),
        CONSTRAINT chat_messages_session_fk FOREIGN KEY (session_id) REFERENCES chat_sessions (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`,
      `CREATE TABLE chat_canned_replies (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        title VARCHAR(120) NOT NULL,
        body TEXT NOT NULL,
        ${CREATED_AT},
        UNIQUE KEY chat_canned_replies_title (title)
      ) ${TABLE_OPTIONS}`,
    ]);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, [
      'DROP TABLE chat_canned_replies',
      'DROP TABLE chat_messages',
      'DROP TABLE chat_visitors',
      'DROP TABLE chat_sessions',
      'ALTER TABLE companies DROP FOREIGN KEY companies_chat_category_fk',
      `ALTER TABLE companies DROP COLUMN chat_category_id, DROP COLUMN chat_enabled, DROP COLUMN chat_secret, DROP COLUMN chat_invite_after_seconds,
        DROP COLUMN chat_invite_url_pattern, DROP COLUMN chat_invite_message`,
    ]);
  },
};
