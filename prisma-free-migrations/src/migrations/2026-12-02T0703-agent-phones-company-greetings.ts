import { runStatements, type Migration } from '../migration.js';

/**
 * Voice routing (channels/twilio/): staff have a phone number in their profile ("0, talk to an
 * agent" rings the phones of active agents who are online), and a company can have its own
 * greeting, said to callers whose number belongs to one of its users.
 */
export const migration: Migration = {
  name: '2026-12-02T0703-agent-phones-company-greetings',
  async up({ sequelize }) {
    await runStatements(sequelize, [
      'ALTER TABLE users ADD COLUMN phone VARCHAR(20) NULL',
      'ALTER TABLE companies ADD COLUMN voice_greeting VARCHAR(500) NULL',
    ]);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, ['ALTER TABLE companies DROP COLUMN voice_greeting', 'ALTER TABLE users DROP COLUMN phone']);
  },
};
