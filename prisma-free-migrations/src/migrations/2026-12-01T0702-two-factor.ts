import { runStatements, type Migration } from '../migration.js';

export const migration: Migration = {
  name: '2026-12-01T0702-two-factor',
  async up({ sequelize }) {
    await runStatements(sequelize, [
      // totp_secret is encrypted (AES-256-GCM, key derived from SIGNING_SECRET); NULL enabled_at = set up but
      // not yet confirmed. totp_last_step is the last accepted 30-second step: a code is accepted once.
      `ALTER TABLE users
        ADD COLUMN totp_secret VARCHAR(255) NULL,
        ADD COLUMN totp_enabled_at DATETIME(3) NULL,
        ADD COLUMN totp_last_step BIGINT UNSIGNED NULL`,
    ]);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, ['ALTER TABLE users DROP COLUMN totp_secret, DROP COLUMN totp_enabled_at, DROP COLUMN totp_last_step']);
  },
};
