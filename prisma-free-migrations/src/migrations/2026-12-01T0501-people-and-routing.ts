import { CREATED_AT, TABLE_OPTIONS, UPDATED_AT, runStatements, type Migration } from '../migration.js';

/**
 * Agent profiles (status, availability, capacity, hours, skills, languages), company settings and
 * assigned agents, team routing (strategy + the round-robin cursor row), invitations, and the
 * reference data routing reads: which team and skill a category or issue type asks for.
 */
export const migration: Migration = {
  name: '2026-12-01T0501-people-and-routing',
  async up({ sequelize }) {
    await runStatements(sequelize, [
      `ALTER TABLE users
        ADD COLUMN status ENUM('active','suspended','pending') NOT NULL DEFAULT 'active' AFTER role,
        ADD COLUMN availability ENUM('online','away','offline') NOT NULL DEFAULT 'offline' AFTER status,
        ADD COLUMN capacity SMALLINT UNSIGNED NOT NULL DEFAULT 10 AFTER availability,
        ADD COLUMN timezone VARCHAR(64) NOT NULL DEFAULT 'UTC' AFTER capacity,
        ADD COLUMN working_hours VARCHAR(500) NULL AFTER timezone,
        ADD COLUMN language VARCHAR(16) NULL AFTER working_hours,
        ADD COLUMN company_admin TINYINT(1) NOT NULL DEFAULT 0 AFTER company_id,
        ADD KEY users_role_availability (role, status, availability)`,
      `CREATE TABLE agent_languages (
        user_id INT UNSIGNED NOT NULL,
        language VARCHAR(16) NOT NULL,
        PRIMARY KEY (user_id, language),
        CONSTRAINT agent_languages_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`,
      `CREATE TABLE skills (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        name VARCHAR(80) NOT NULL,
        ${CREATED_AT},
        ${UPDATED_AT},
        UNIQUE KEY skills_name_unique (name)
      ) ${TABLE_OPTIONS}`,
      `CREATE TABLE agent_skills (
        user_id INT UNSIGNED NOT NULL,
        skill_id INT UNSIGNED NOT NULL,
        level TINYINT UNSIGNED NOT NULL DEFAULT 3,
        PRIMARY KEY (user_id, skill_id),
        KEY agent_skills_skill (skill_id),
        CONSTRAINT agent_skills_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT agent_skills_skill_fk FOREIGN KEY (skill_id) REFERENCES skills (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`,
      `ALTER TABLE companies
        ADD COLUMN ticket_visibility ENUM('own','company') NOT NULL DEFAULT 'own' AFTER domain,
        ADD COLUMN brand_name VARCHAR(160) NULL AFTER ticket_visibility,
        ADD COLUMN brand_primary_color CHAR(7) NULL AFTER brand_name,
        ADD COLUMN brand_accent_color CHAR(7) NULL AFTER brand_primary_color`,
      `CREATE TABLE company_agents (
        company_id INT UNSIGNED NOT NULL,
        user_id INT UNSIGNED NOT NULL,
        PRIMARY KEY (company_id, user_id),
        KEY company_agents_user (user_id),
        CONSTRAINT company_agents_company_fk FOREIGN KEY (company_id) REFERENCES companies (id) ON DELETE CASCADE,
        CONSTRAINT company_agents_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`,
      // rr_cursor: the user id that received the team's last round-robin ticket; routing locks this row.
      `ALTER TABLE teams
        ADD COLUMN routing_strategy ENUM('manual','round_robin','least_loaded','skills_based') NOT NULL DEFAULT 'manual' AFTER name,
        ADD COLUMN is_default TINYINT(1) NOT NULL DEFAULT 0 AFTER routing_strategy,
        ADD COLUMN rr_cursor INT UNSIGNED NULL AFTER is_default`,
      `ALTER TABLE categories
        ADD COLUMN team_id INT UNSIGNED NULL,
        ADD COLUMN skill_id INT UNSIGNED NULL,
        ADD CONSTRAINT categories_team_fk FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE SET NULL,
        ADD CONSTRAINT categories_skill_fk FOREIGN KEY (skill_id) REFERENCES skills (id) ON DELETE SET NULL`,
      `ALTER TABLE issue_types
        ADD COLUMN team_id INT UNSIGNED NULL,
        ADD COLUMN skill_id INT UNSIGNED NULL,
        ADD CONSTRAINT issue_types_team_fk FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE SET NULL,
        ADD CONSTRAINT issue_types_skill_fk FOREIGN KEY (skill_id) REFERENCES skills (id) ON DELETE SET NULL`,
      // The language a ticket is handled in (the requester's, when known); skills-based routing matches it.
      `ALTER TABLE tickets ADD COLUMN language VARCHAR(16) NULL AFTER channel`,
      `CREATE TABLE invitations (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        user_id INT UNSIGNED NOT NULL,
        invited_by INT UNSIGNED NULL,
        expires_at DATETIME(3) NOT NULL,
        accepted_at DATETIME(3) NULL,
        ${CREATED_AT},
        KEY invitations_user (user_id),
        CONSTRAINT invitations_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT invitations_inviter_fk FOREIGN KEY (invited_by) REFERENCES users (id) ON DELETE SET NULL
      ) ${TABLE_OPTIONS}`,
    ]);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, [
      'DROP TABLE invitations',
      'ALTER TABLE tickets DROP COLUMN language',
      `ALTER TABLE issue_types DROP FOREIGN KEY issue_types_team_fk, DROP FOREIGN KEY issue_types_skill_fk,
        DROP COLUMN team_id, DROP COLUMN skill_id`,
      `ALTER TABLE categories DROP FOREIGN KEY categories_team_fk, DROP FOREIGN KEY categories_skill_fk,
        DROP COLUMN team_id, DROP COLUMN skill_id`,
      'ALTER TABLE teams DROP COLUMN routing_strategy, DROP COLUMN is_default, DROP COLUMN rr_cursor',
      'DROP TABLE company_agents',
      `ALTER TABLE companies DROP COLUMN ticket_visibility, DROP COLUMN brand_name,
        DROP COLUMN brand_primary_color, DROP COLUMN brand_accent_color`,
      'DROP TABLE agent_skills',
      'DROP TABLE skills',
      'DROP TABLE agent_languages',
      `ALTER TABLE users DROP KEY users_role_availability, DROP COLUMN status, DROP COLUMN availability,
        DROP COLUMN capacity, DROP COLUMN timezone, DROP COLUMN working_hours, DROP COLUMN language, DROP COLUMN company_admin`,
    ]);
  },
};
