import { CREATED_AT, TABLE_OPTIONS, runStatements, type Migration } from '../migration.js';

/**
 * Two-factor recovery codes: ten per user, shown once when two-factor is turned on, stored as
 * SHA-256 (they are random, so a fast hash is enough, as for API keys); `used_at` makes each single use.
 */
export const migration: Migration = {
  name: '2026-12-02T0303-two-factor-recovery-codes',
  async up({ sequelize }) {
    await runStatements(sequelize, [
      `CREATE TABLE two_factor_recovery_codes (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        user_id INT UNSIGNED NOT NULL,
        code_hash CHAR(64) NOT NULL,
        used_at DATETIME(3) NULL,
        ${CREATED_AT},
        UNIQUE KEY two_factor_recovery_codes_hash (user_id, code_hash),
        CONSTRAINT two_factor_recovery_codes_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`,
    ]);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, ['DROP TABLE two_factor_recovery_codes']);
  },
};
