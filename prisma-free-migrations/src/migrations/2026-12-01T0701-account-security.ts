import { CREATED_AT, TABLE_OPTIONS, runStatements, type Migration } from '../migration.js';

export const migration: Migration = {
  name: '2026-12-01T0701-account-security',
  async up({ sequelize }) {
    await runStatements(sequelize, [
      // Lockout state lives on the user row: one atomic UPDATE counts a failure under concurrency.
      `ALTER TABLE users
        ADD COLUMN failed_logins SMALLINT UNSIGNED NOT NULL DEFAULT 0,
        ADD COLUMN locked_until DATETIME(3) NULL,
        ADD COLUMN password_changed_at DATETIME(3) NULL`,
      // A message holding a one-time secret (a password reset link): staff see that it went out, not its body.
      `ALTER TABLE outbound_messages ADD COLUMN holds_secret TINYINT(1) NOT NULL DEFAULT 0`,
      // Single-use reset tokens; only their SHA-256 is stored.
      `CREATE TABLE password_resets (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        user_id INT UNSIGNED NOT NULL,
        token_hash CHAR(64) NOT NULL,
        expires_at DATETIME(3) NOT NULL,
        used_at DATETIME(3) NULL,
        ${CREATED_AT},
        UNIQUE KEY password_resets_hash_unique (token_hash),
        KEY password_resets_user (user_id, created_at),
        CONSTRAINT password_resets_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`,
      // API keys for integrations: shown once, stored as SHA-256, scoped, with their last use.
      `CREATE TABLE api_keys (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        user_id INT UNSIGNED NOT NULL,
        name VARCHAR(80) NOT NULL,
        prefix VARCHAR(16) NOT NULL,
        key_hash CHAR(64) NOT NULL,
        scope ENUM('read','write') NOT NULL,
        last_used_at DATETIME(3) NULL,
        last_used_ip VARCHAR(64) NULL,
        expires_at DATETIME(3) NULL,
        revoked_at DATETIME(3) NULL,
        ${CREATED_AT},
        UNIQUE KEY api_keys_hash_unique (key_hash),
        KEY api_keys_user (user_id, created_at),
        CONSTRAINT api_keys_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`,
    ]);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, [
      'DROP TABLE api_keys',
      'DROP TABLE password_resets',
      'ALTER TABLE outbound_messages DROP COLUMN holds_secret',
      'ALTER TABLE users DROP COLUMN failed_logins, DROP COLUMN locked_until, DROP COLUMN password_changed_at',
    ]);
  },
};
