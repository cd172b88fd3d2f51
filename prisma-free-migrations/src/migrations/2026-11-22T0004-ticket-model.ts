import { CREATED_AT, TABLE_OPTIONS, UPDATED_AT, runStatements, type Migration } from '../migration.js';

const STATUSES = "'open','in_progress','waiting_on_customer','on_hold','resolved','closed'";
const OLD_STATUSES = "'open','in_progress','waiting_on_customer','resolved','closed'";

export const migration: Migration = {
  name: '2026-11-22T0004-ticket-model',
  async up({ sequelize }) {
    await runStatements(sequelize, [
      `ALTER TABLE tickets MODIFY status ENUM(${STATUSES}) NOT NULL DEFAULT 'open'`,
      `CREATE TABLE teams (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        name VARCHAR(80) NOT NULL,
        ${CREATED_AT},
        ${UPDATED_AT},
        UNIQUE KEY teams_name_unique (name)
      ) ${TABLE_OPTIONS}`,
      `CREATE TABLE team_members (
        team_id INT UNSIGNED NOT NULL,
        user_id INT UNSIGNED NOT NULL,
        PRIMARY KEY (team_id, user_id),
        KEY team_members_user (user_id),
        CONSTRAINT team_members_team_fk FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE CASCADE,
        CONSTRAINT team_members_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`,
      `CREATE TABLE categories (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        name VARCHAR(80) NOT NULL,
        ${CREATED_AT},
        ${UPDATED_AT},
        UNIQUE KEY categories_name_unique (name)
      ) ${TABLE_OPTIONS}`,
      // Issue types carry their own workflow (NULL: the default one) and custom fields.
      `CREATE TABLE issue_types (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        name VARCHAR(80) NOT NULL,
        description VARCHAR(500) NOT NULL DEFAULT '',
        active TINYINT(1) NOT NULL DEFAULT 1,
        transitions JSON NULL,
        ${CREATED_AT},
        ${UPDATED_AT},
        UNIQUE KEY issue_types_name_unique (name)
      ) ${TABLE_OPTIONS}`,
      `CREATE TABLE custom_fields (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        issue_type_id INT UNSIGNED NOT NULL,
        field_key VARCHAR(60) NOT NULL,
        label VARCHAR(120) NOT NULL,
        kind ENUM('text','long_text','number','date','single_select','multi_select','checkbox') NOT NULL,
        required TINYINT(1) NOT NULL DEFAULT 0,
        options JSON NULL,
        customer_visible TINYINT(1) NOT NULL DEFAULT 1,
        position INT NOT NULL DEFAULT 0,
        retired TINYINT(1) NOT NULL DEFAULT 0,
        ${CREATED_AT},
        ${UPDATED_AT},
        UNIQUE KEY custom_fields_type_key (issue_type_id, field_key),
        CONSTRAINT custom_fields_type_fk FOREIGN KEY (issue_type_id) REFERENCES issue_types (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`,
      // Typed side table (one row per value; a multi select has one row per chosen option),
      // so every kind can be filtered through an index on (field, value).
      `CREATE TABLE ticket_field_values (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        ticket_id INT UNSIGNED NOT NULL,
        field_id INT UNSIGNED NOT NULL,
        value_string VARCHAR(255) NULL,
        value_text MEDIUMTEXT NULL,
        value_number DECIMAL(24,6) NULL,
        value_date DATE NULL,
        value_bool TINYINT(1) NULL,
        KEY ticket_field_values_ticket (ticket_id, field_id),
        KEY ticket_field_values_string (field_id, value_string, ticket_id),
        KEY ticket_field_values_number (field_id, value_number, ticket_id),
        KEY ticket_field_values_date (field_id, value_date, ticket_id),
        KEY ticket_field_values_bool (field_id, value_bool, ticket_id),
        CONSTRAINT ticket_field_values_ticket_fk FOREIGN KEY (ticket_id) REFERENCES tickets (id) ON DELETE CASCADE,
        CONSTRAINT ticket_field_values_field_fk FOREIGN KEY (field_id) REFERENCES custom_fields (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`,
      `CREATE TABLE tags (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        name VARCHAR(40) NOT NULL,
        ${CREATED_AT},
        UNIQUE KEY tags_name_unique (name)
      ) ${TABLE_OPTIONS}`,
      `CREATE TABLE ticket_tags (
        ticket_id INT UNSIGNED NOT NULL,
        tag_id INT UNSIGNED NOT NULL,
        PRIMARY KEY (ticket_id, tag_id),
        KEY ticket_tags_tag (tag_id, ticket_id),
        CONSTRAINT ticket_tags_ticket_fk FOREIGN KEY (ticket_id) REFERENCES tickets (id) ON DELETE CASCADE,
        CONSTRAINT ticket_tags_tag_fk FOREIGN KEY (tag_id) REFERENCES tags (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`,
      `ALTER TABLE tickets
        ADD COLUMN issue_type_id INT UNSIGNED NULL AFTER channel,
        ADD COLUMN category_id INT UNSIGNED NULL AFTER issue_type_id,
        ADD COLUMN team_id INT UNSIGNED NULL AFTER assignee_id,
        ADD KEY tickets_team_status (team_id, status, updated_at),
        ADD KEY tickets_type_created (issue_type_id, created_at),
        ADD KEY tickets_category_created (category_id, created_at),
        ADD KEY tickets_updated (updated_at),
        ADD KEY tickets_priority_created (priority, created_at),
        ADD KEY tickets_status_updated (status, updated_at),
        ADD CONSTRAINT tickets_issue_type_fk FOREIGN KEY (issue_type_id) REFERENCES issue_types (id) ON DELETE SET NULL,
        ADD CONSTRAINT tickets_category_fk FOREIGN KEY (category_id) REFERENCES categories (id) ON DELETE SET NULL,
        ADD CONSTRAINT tickets_team_fk FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE SET NULL`,
      `CREATE TABLE saved_views (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        owner_id INT UNSIGNED NOT NULL,
        name VARCHAR(80) NOT NULL,
        filters JSON NOT NULL,
        shared TINYINT(1) NOT NULL DEFAULT 0,
        ${CREATED_AT},
        ${UPDATED_AT},
        KEY saved_views_owner (owner_id),
        KEY saved_views_shared (shared),
        CONSTRAINT saved_views_owner_fk FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`,
    ]);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, [
      'DROP TABLE saved_views',
      `ALTER TABLE tickets
        DROP FOREIGN KEY tickets_issue_type_fk, DROP FOREIGN KEY tickets_category_fk, DROP FOREIGN KEY tickets_team_fk,
        DROP KEY tickets_team_status, DROP KEY tickets_type_created, DROP KEY tickets_category_created,
        DROP KEY tickets_updated, DROP KEY tickets_priority_created, DROP KEY tickets_status_updated,
        DROP COLUMN issue_type_id, DROP COLUMN category_id, DROP COLUMN team_id`,
      'DROP TABLE ticket_tags',
      'DROP TABLE tags',
      'DROP TABLE ticket_field_values',
      'DROP TABLE custom_fields',
      'DROP TABLE issue_types',
      'DROP TABLE categories',
      'DROP TABLE team_members',
      'DROP TABLE teams',
      // Tickets on hold go back to waiting so the old enum can hold them.
      "UPDATE tickets SET status = 'waiting_on_customer' WHERE status = 'on_hold'",
      `ALTER TABLE tickets MODIFY status ENUM(${OLD_STATUSES}) NOT NULL DEFAULT 'open'`,
    ]);
  },
};
