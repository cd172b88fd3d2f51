import { TABLE_OPTIONS, runStatements, type Migration } from '../migration.js';

/**
 * Enforcing two-factor sign-in per role: the admins' setting (one row), and on every session whether
 * it passed a second factor (an authenticator or recovery code, or single sign-on).
 */
export const migration: Migration = {
  name: '2026-12-02T0305-two-factor-enforcement',
  async up({ sequelize }) {
    await runStatements(sequelize, [
      'ALTER TABLE auth_tokens ADD COLUMN second_factor TINYINT(1) NOT NULL DEFAULT 0',
      `CREATE TABLE security_settings (
        id TINYINT UNSIGNED NOT NULL PRIMARY KEY,
        two_factor_roles VARCHAR(64) NOT NULL DEFAULT '',
        updated_by INT UNSIGNED NULL,
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
      ) ${TABLE_OPTIONS}`,
      "INSERT INTO security_settings (id, two_factor_roles) VALUES (1, '')",
    ]);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, ['DROP TABLE security_settings', 'ALTER TABLE auth_tokens DROP COLUMN second_factor']);
  },
};
