import type { Sequelize } from 'sequelize';

export interface MigrationContext {
  sequelize: Sequelize;
}

/** A migration is a pair of raw-SQL steps; MySQL 8 and MariaDB 10.11+ must both accept every statement. */
export interface Migration {
  name: string;
  up(ctx: MigrationContext): Promise<void>;
  down(ctx: MigrationContext): Promise<void>;
}

/** Runs statements one by one (DDL commits implicitly in MySQL, so a transaction would not help). */
export async function runStatements(sequelize: Sequelize, statements: string[]): Promise<void> {
  for (const sql of statements) await sequelize.query(sql);
}

export const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
export const CREATED_AT = 'created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)';
export const UPDATED_AT =
  'updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)';
