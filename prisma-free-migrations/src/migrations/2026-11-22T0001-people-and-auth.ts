import { CREATED_AT, TABLE_OPTIONS, UPDATED_AT, runStatements, type Migration } from '../migration.js';

export const migration: Migration = {
  name: '2026-11-22T0001-people-and-auth',
  async up({ sequelize }) {
    await runStatements(sequelize, [
      `CREATE TABLE companies (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        name VARCHAR(160) NOT NULL,
        domain VARCHAR(190) NULL,
        ${CREATED_AT},
        ${UPDATED_AT},
        UNIQUE KEY companies_domain_unique (domain)
      ) ${TABLE_OPTIONS}`,
      `CREATE TABLE users (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        email VARCHAR(190) NOT NULL,
        name VARCHAR(120) NOT NULL,
        password_hash VARCHAR(255) NULL,
        role ENUM('customer','agent','manager','admin') NOT NULL DEFAULT 'customer',
        company_id INT UNSIGNED NULL,
        ${CREATED_AT},
        ${UPDATED_AT},
        UNIQUE KEY users_email_unique (email),
        KEY users_role (role),
        KEY users_company (company_id),
        CONSTRAINT users_company_fk FOREIGN KEY (company_id) REFERENCES companies (id) ON DELETE SET NULL
      ) ${TABLE_OPTIONS}`,
      `CREATE TABLE auth_tokens (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        user_id INT UNSIGNED NOT NULL,
        token_hash CHAR(64) NOT NULL,
        ${CREATED_AT},
        expires_at DATETIME(3) NOT NULL,
        revoked_at DATETIME(3) NULL,
        ip VARCHAR(64) NULL,
        user_agent VARCHAR(255) NULL,
        UNIQUE KEY auth_tokens_hash_unique (token_hash),
        KEY auth_tokens_user (user_id),
        CONSTRAINT auth_tokens_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`,
    ]);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, ['DROP TABLE auth_tokens', 'DROP TABLE users', 'DROP TABLE companies']);
  },
};
