import { CREATED_AT, TABLE_OPTIONS, runStatements, type Migration } from '../migration.js';

export const migration: Migration = {
  name: '2026-12-01T0703-email-verification',
  async up({ sequelize }) {
    await runStatements(sequelize, [
      `ALTER TABLE users ADD COLUMN email_verified_at DATETIME(3) NULL`,
      // Accounts from before this migration were made by staff or the seeder: count them as verified.
      `UPDATE users SET email_verified_at = created_at`,
      `CREATE TABLE email_verifications (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        user_id INT UNSIGNED NOT NULL,
        token_hash CHAR(64) NOT NULL,
        expires_at DATETIME(3) NOT NULL,
        used_at DATETIME(3) NULL,
        ${CREATED_AT},
        UNIQUE KEY email_verifications_hash_unique (token_hash),
        KEY email_verifications_user (user_id, created_at),
        CONSTRAINT email_verifications_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`,
    ]);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, ['DROP TABLE email_verifications', 'ALTER TABLE users DROP COLUMN email_verified_at']);
  },
};
