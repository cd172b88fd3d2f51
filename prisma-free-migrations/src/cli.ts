#!/usr/bin/env node
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from './database-url.js';
import { connect, migrateDown, migrateUp, migrationStatus } from './migrator.js';
import { DEMO_PASSWORD, seedDemo } from './seeders/demo.seeder.js';

const usage = 'usage: cli.js up | down [--all] | status | seed';

async function main() {
  const [command, flag] = process.argv.slice(2);
  const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const log = (m: string) => console.log(`[migrate] ${m}`);
  switch (command) {
    case 'up': {
      const applied = await migrateUp({ databaseUrl, log });
      console.log(applied.length ? `[migrate] applied ${applied.length} migration(s)` : '[migrate] schema is up to date');
      return;
    }
    case 'down': {
      const reverted = await migrateDown({ databaseUrl, log, all: flag === '--all' });
      console.log(reverted.length ? `[migrate] reverted ${reverted.join(', ')}` : '[migrate] nothing to revert');
      return;
    }
    case 'status': {
      const status = await migrationStatus({ databaseUrl });
      console.log(JSON.stringify(status, null, 2));
      return;
    }
    case 'seed': {
      const sequelize = connect(parseDatabaseUrl(databaseUrl));
      try {
        const result = await seedDemo(sequelize);
        if (result.seeded) {
          console.log(`[seed] demo data added; users (password "${DEMO_PASSWORD}"): ${result.users.join(', ')}`);
        } else {
          console.log('[seed] the database already has users; demo data is only added to an empty database');
        }
      } finally {
        await sequelize.close();
      }
      return;
    }
    default:
      console.error(usage);
      process.exitCode = 2;
  }
}

main().catch((error: unknown) => {
  console.error(`[migrate] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
