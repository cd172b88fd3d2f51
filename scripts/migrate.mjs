#!/usr/bin/env node
// node scripts/migrate.mjs up|down|seed|status [extra CLI args, e.g. down --all]
// Makes sure the database and Redis answer (starting project-local ones if needed), builds the
// migrations package when its CLI is missing, then runs prisma-free-migrations/dist/cli.js with the
// same environment (DATABASE_URL, default mysql://root@127.0.0.1:3306/switchboard).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureServices, DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL } from './lib/services.mjs';
import { repoRoot, binDir, run, runMain, OpsError } from './lib/proc.mjs';
import { forgetStaleBuildInfo } from './build.mjs';

export const MIGRATIONS_CLI = path.join(repoRoot, 'prisma-free-migrations', 'dist', 'cli.js');
const COMMANDS = ['up', 'down', 'seed', 'status'];

/** Runs one migrations CLI command. `env` must carry DATABASE_URL. Assumes the services answer. */
export async function migrate(command, { env = process.env, args = [] } = {}) {
  if (!COMMANDS.includes(command)) throw new OpsError(`unknown migrate command "${command}" (use one of: ${COMMANDS.join(', ')})`);
  if (!fs.existsSync(MIGRATIONS_CLI)) {
    forgetStaleBuildInfo();
    await run('build: migrations package', path.join(binDir, 'tsc'), ['-b', 'prisma-free-migrations']);
    if (!fs.existsSync(MIGRATIONS_CLI)) throw new OpsError(`tsc -b prisma-free-migrations did not produce ${path.relative(repoRoot, MIGRATIONS_CLI)}`);
  }
  await run(`migrate ${[command, ...args].join(' ')}`, process.execPath, [MIGRATIONS_CLI, command, ...args], { env });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runMain(async () => {
    const command = process.argv[2];
    if (!COMMANDS.includes(command)) {
      throw new OpsError(`usage: node scripts/migrate.mjs ${COMMANDS.join('|')}`);
    }
    const env = {
      ...process.env,
      DATABASE_URL: process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
      REDIS_URL: process.env.REDIS_URL || DEFAULT_REDIS_URL,
    };
    await ensureServices({ databaseUrl: env.DATABASE_URL, redisUrl: env.REDIS_URL });
    await migrate(command, { env, args: process.argv.slice(3) });
  });
}
