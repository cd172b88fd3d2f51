import { CREATED_AT, TABLE_OPTIONS, runStatements, type Migration } from '../migration.js';

/**
 * Single sign-on group provisioning (decision 027): which identity-provider group gives which staff
 * role and/or team. A row names a role, a team, or both; a team's rows go with the team.
 */
export const migration: Migration = {
  name: '2026-12-05T0201-sso-group-mappings',
  async up({ sequelize }) {
    await runStatements(sequelize, [
      `CREATE TABLE sso_group_mappings (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        group_name VARCHAR(255) NOT NULL,
        role VARCHAR(16) NULL,
        team_id INT UNSIGNED NULL,
        ${CREATED_AT},
        KEY sso_group_mappings_group (group_name),
        CONSTRAINT sso_group_mappings_team FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`,
    ]);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, ['DROP TABLE sso_group_mappings']);
  },
};
