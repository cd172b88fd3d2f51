import { rmSync } from 'node:fs';
import { Redis } from 'ioredis';
import { dropDatabase, parseDatabaseUrl } from '@switchboard/migrations';
import { workerDatabaseUrl } from './worker-database.mjs';

/** Drops the run's scratch database and its Bull keys (set KEEP_TEST_DATABASE=1 to inspect them). */
export default async function globalTeardown() {
  if (process.env.KEEP_TEST_DATABASE) return;
  if (process.env.ATTACHMENTS_DIR?.includes('sbtest-attachments-')) {
    rmSync(process.env.ATTACHMENTS_DIR, { recursive: true, force: true });
  }
  // Only a database global-setup named (<base>_test_<pid>_<hex>), whatever TEST_DATABASE_URL's base was.
  if (/_test_\d+_[0-9a-f]{6}$/.test(new URL(process.env.DATABASE_URL ?? 'mysql://x/').pathname)) {
    const workers = Number(process.env.TEST_WORKER_COUNT ?? 1);
    for (let id = 1; id <= workers; id++) await dropDatabase(parseDatabaseUrl(workerDatabaseUrl(process.env.DATABASE_URL, id)));
  }
  const prefix = process.env.QUEUE_PREFIX;
  if (prefix?.startsWith('sbtest_')) {
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    try {
      let cursor = '0';
      do {
        // The run's prefix and each worker's (<prefix>_wN, worker-env.mjs).
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*:*`, 'COUNT', 500);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
  }
}
