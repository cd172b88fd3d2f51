import { rmSync } from 'node:fs';
import { Redis } from 'ioredis';
import { dropDatabase, parseDatabaseUrl } from '@switchboard/migrations';

/** Drops the run's scratch database and its Bull keys (set KEEP_TEST_DATABASE=1 to inspect them). */
export default async function globalTeardown() {
  if (process.env.KEEP_TEST_DATABASE) return;
  if (process.env.ATTACHMENTS_DIR?.includes('sbtest-attachments-')) {
    rmSync(process.env.ATTACHMENTS_DIR, { recursive: true, force: true });
  }
  if (/\/switchboard\w*_test_/.test(process.env.DATABASE_URL ?? '')) {
    await dropDatabase(parseDatabaseUrl(process.env.DATABASE_URL));
  }
  const prefix = process.env.QUEUE_PREFIX;
  if (prefix?.startsWith('sbtest_')) {
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
  }
}
