import mysql from 'mysql2/promise';
import { Sequelize } from 'sequelize';
import { SequelizeStorage, Umzug } from 'umzug';
import { parseDatabaseUrl, type DatabaseTarget } from './database-url.js';
import { ensureDatabase } from './ensure-database.js';
import type { MigrationContext } from './migration.js';
import { migrations } from './migrations/index.js';

const LOCK_NAME = 'switchboard_migrations';
const LOCK_TIMEOUT_SECONDS = 120;

export function connect(target: DatabaseTarget): Sequelize {
  return new Sequelize(target.database, target.user, target.password, {
    host: target.host,
    port: target.port,
    dialect: 'mysql',
    logging: false,
    timezone: '+00:00',
  });
}

function createUmzug(sequelize: Sequelize, log: (m: string) => void) {
  return new Umzug<MigrationContext>({
    migrations: migrations.map((m) => ({ name: m.name, up: ({ context }) => m.up(context), down: ({ context }) => m.down(context) })),
    context: { sequelize },
    storage: new SequelizeStorage({ sequelize, tableName: 'schema_migrations' }),
    logger: {
      info: (event) => log(`${(event as { event?: string }).event ?? ''} ${(event as { name?: string }).name ?? ''}`.trim()),
      warn: (event) => log(JSON.stringify(event)),
      error: (event) => log(JSON.stringify(event)),
      debug: () => undefined,
    },
  });
}

/**
 * Runs `work` while holding a MySQL named lock, so two processes (two api replicas starting,
 * a CI job and a developer) never migrate at once.
 */
async function withLock<T>(target: DatabaseTarget, work: () => Promise<T>): Promise<T> {
  const lockConnection = await mysql.createConnection({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    database: target.database,
  });
  try {
    const [rows] = await lockConnection.query('SELECT GET_LOCK(?, ?) AS got', [LOCK_NAME, LOCK_TIMEOUT_SECONDS]);
    if ((rows as Array<{ got: number }>)[0]?.got !== 1) {
      throw new Error(`Could not take the migration lock within ${LOCK_TIMEOUT_SECONDS}s; is another migration running?`);
    }
    return await work();
  } finally {
    await lockConnection.query('SELECT RELEASE_LOCK(?)', [LOCK_NAME]).catch(() => undefined);
    await lockConnection.end();
  }
}

export interface MigrateOptions {
  databaseUrl: string;
  log?: (message: string) => void;
}

/** Creates the database if needed and applies every pending migration. Returns the names applied. */
export async function migrateUp({ databaseUrl, log = () => undefined }: MigrateOptions): Promise<string[]> {
  const target = parseDatabaseUrl(databaseUrl);
  await ensureDatabase(target);
  const sequelize = connect(target);
  try {
    return await withLock(target, async () => (await createUmzug(sequelize, log).up()).map((m) => m.name));
  } finally {
    await sequelize.close();
  }
}

/** Reverts the last applied migration (or all of them with `to: 0`). Returns the names reverted. */
export async function migrateDown({ databaseUrl, log = () => undefined, all = false }: MigrateOptions & { all?: boolean }) {
  const target = parseDatabaseUrl(databaseUrl);
  const sequelize = connect(target);
  try {
    return await withLock(target, async () =>
      (await createUmzug(sequelize, log).down(all ? { to: 0 } : undefined)).map((m) => m.name),
    );
  } finally {
    await sequelize.close();
  }
}

export async function migrationStatus({ databaseUrl }: MigrateOptions) {
  const target = parseDatabaseUrl(databaseUrl);
  await ensureDatabase(target);
  const sequelize = connect(target);
  try {
    const umzug = createUmzug(sequelize, () => undefined);
    return {
      executed: (await umzug.executed()).map((m) => m.name),
      pending: (await umzug.pending()).map((m) => m.name),
    };
  } finally {
    await sequelize.close();
  }
}
