import { runStatements, type Migration } from '../migration.js';

/** A company's logo (an https URL to an image) for its branding in the portal and in emails. */
export const migration: Migration = {
  name: '2026-12-02T0302-company-logo',
  async up({ sequelize }) {
    await runStatements(sequelize, ['ALTER TABLE companies ADD COLUMN brand_logo_url VARCHAR(500) NULL']);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, ['ALTER TABLE companies DROP COLUMN brand_logo_url']);
  },
};
