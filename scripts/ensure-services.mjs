#!/usr/bin/env node
// Makes sure the database and Redis answer at DATABASE_URL / REDIS_URL, starting project-local
// servers under .data/ when they do not and the URL is local. See scripts/lib/services.mjs.
import { ensureServices, redact, DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL } from './lib/services.mjs';
import { log, runMain } from './lib/proc.mjs';

await runMain(async () => {
  const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const redisUrl = process.env.REDIS_URL || DEFAULT_REDIS_URL;
  const { started } = await ensureServices({ databaseUrl, redisUrl });
  log(`services up: ${redact(databaseUrl)} and ${redact(redisUrl)}${started.length ? ` (started: ${started.join(', ')})` : ' (already running)'}`);
});
