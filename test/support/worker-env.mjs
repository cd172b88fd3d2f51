import { workerDatabaseUrl } from './worker-database.mjs';

/**
 * Runs before every test file (jest setupFiles): points the file at its jest worker's own database and
 * queue prefix (global-setup.mjs migrated one per worker), so two workers never take each other's jobs.
 */
const id = Number(process.env.JEST_WORKER_ID ?? 1);
process.env.TEST_RUN_DATABASE_URL ??= process.env.DATABASE_URL;
process.env.TEST_RUN_QUEUE_PREFIX ??= process.env.QUEUE_PREFIX;
if (id > 1 && process.env.TEST_RUN_DATABASE_URL && process.env.TEST_RUN_QUEUE_PREFIX) {
  process.env.DATABASE_URL = workerDatabaseUrl(process.env.TEST_RUN_DATABASE_URL, id);
  process.env.QUEUE_PREFIX = `${process.env.TEST_RUN_QUEUE_PREFIX}_w${id}`;
}
