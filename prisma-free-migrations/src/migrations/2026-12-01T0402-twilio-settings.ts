import { TABLE_OPTIONS, UPDATED_AT, runStatements, type Migration } from '../migration.js';

/**
 * Twilio settings an admin edits in the workspace (channels/twilio/twilio-settings.ts): one row,
 * id 1. A NULL column falls back to the environment variable of the same meaning. The auth token
 * is stored encrypted (AES-256-GCM, key derived from SIGNING_SECRET) and never returned by the API.
 */
export const migration: Migration = {
  name: '2026-12-01T0402-twilio-settings',
  async up({ sequelize }) {
    await runStatements(sequelize, [
      `CREATE TABLE twilio_settings (
        id TINYINT UNSIGNED NOT NULL PRIMARY KEY,
        account_sid VARCHAR(64) NULL,
        auth_token_encrypted VARCHAR(512) NULL,
        sms_from VARCHAR(64) NULL,
        whatsapp_from VARCHAR(64) NULL,
        voice_greeting VARCHAR(500) NULL,
        agent_phones VARCHAR(1000) NULL,
        business_hours VARCHAR(255) NULL,
        time_zone VARCHAR(64) NULL,
        updated_by INT UNSIGNED NULL,
        ${UPDATED_AT}
      ) ${TABLE_OPTIONS}`,
    ]);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, ['DROP TABLE twilio_settings']);
  },
};
