import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { dropDatabase, migrateUp, parseDatabaseUrl } from '@switchboard/migrations';

/**
 * A database and queue prefix of this test file's own, for tests that boot the API and worker
 * with settings the rest of the run does not share (SendGrid key, inbound secret): every worker
 * relays every outbox row of its database and takes every job of its queues, so sharing them would
 * let another file's worker send this file's mail with its settings, and the other way round.
 * Sets DATABASE_URL / QUEUE_PREFIX (named with `label` when given) and the given variables;
 * `restore()` drops and undoes them.
 */
export async function isolatedStack(env: Record<string, string>, label?: string) {
  const saved = { ...process.env };
  const suffix = [label, randomBytes(3).toString('hex')].filter(Boolean).join('_');
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `${url.pathname}_${suffix}`;
  const prefix = `${process.env.QUEUE_PREFIX}_${suffix}`;
  Object.assign(process.env, env, { DATABASE_URL: url.toString(), QUEUE_PREFIX: prefix });
  await migrateUp({ databaseUrl: url.toString() });
  return {
    async restore() {
      if (!process.env.KEEP_TEST_DATABASE) await dropDatabase(parseDatabaseUrl(url.toString()));
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
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    },
  };
}
