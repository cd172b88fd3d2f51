import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The built migrations package (npm test builds first; scripts/test.mjs).
import { migrateUp } from '@switchboard/migrations';
import { workerDatabaseUrl } from './worker-database.mjs';

/**
 * One scratch database per test run, migrated by the real migrations; dropped in global-teardown.
 * Tests create their own users and tickets, so files can run in parallel against it.
 */
export default async function globalSetup(globalConfig) {
  const suffix = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const base = new URL(process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/switchboard');
  // Named after the base database (switchboard -> switchboard_test_<run>), so a developer can keep runs apart.
  base.pathname = `${base.pathname.replace(/\/$/, '') || '/switchboard'}_test_${suffix}`;
  process.env.DATABASE_URL = base.toString();
  process.env.QUEUE_PREFIX = `sbtest_${suffix}`;
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';
  process.env.OUTBOX_POLL_MS = '100';
  // Uploaded files of this run, removed in global-teardown.
  process.env.ATTACHMENTS_DIR = mkdtempSync(join(tmpdir(), 'sbtest-attachments-'));
  await migrateUp({ databaseUrl: process.env.DATABASE_URL });
  // Each jest worker runs its files against a database and queue prefix of its own (worker-env.mjs):
  // a worker's Bull processors and outbox relay would otherwise take the other worker's jobs, and a test
  // that mocks its own worker (a crash test) would see another file's worker do the job instead.
  const workers = Math.max(1, Number(globalConfig?.maxWorkers ?? 1));
  process.env.TEST_WORKER_COUNT = String(workers);
  for (let id = 2; id <= workers; id++) await migrateUp({ databaseUrl: workerDatabaseUrl(process.env.DATABASE_URL, id) });
}

