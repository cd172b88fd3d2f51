import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { dropDatabase, migrateUp, parseDatabaseUrl } from '@switchboard/migrations';
import { startSendgridServer, type SendgridServer } from './sendgrid-server.js';

/**
 * A database and queue prefix of this test file's own, for tests that boot the API and worker
 * with settings the rest of the run does not share (SendGrid key, inbound secret, Twilio credentials,
 * a security setting that applies to every session): every worker
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

export type IsolatedStack = Awaited<ReturnType<typeof isolatedStack>>;

/** What a test file's api (useApi, useBrowserStack) runs with besides the run's shared database. */
export interface OwnStackOptions {
  /**
   * Put this file on a database and queue prefix of its own (isolatedStack), named with the label when
   * it is a string. Implied by `env` and `sendgrid`: settings the rest of the run does not share.
   */
  ownDatabase?: boolean | string;
  /** Variables for this file's api and worker (SendGrid secrets, rate limits, outbox timings). */
  env?: Record<string, string>;
  /**
   * A local stand-in for SendGrid's mail API (startSendgridServer), started first, its URL and key given
   * to the api and worker as SENDGRID_API_URL / SENDGRID_API_KEY. `failNext` refuses that many requests
   * before anything can be sent.
   */
  sendgrid?: { apiKey: string; failNext?: number };
}

/**
 * Starts what the options ask for (nothing, without them), before the api starts; `stop()` undoes it
 * after the api and workers have stopped.
 */
export async function startOwnStack(options: OwnStackOptions) {
  let sendgrid: SendgridServer | undefined;
  let stack: IsolatedStack | undefined;
  if (options.sendgrid) {
    sendgrid = await startSendgridServer(options.sendgrid.apiKey);
    if (options.sendgrid.failNext) sendgrid.failNext(options.sendgrid.failNext);
  }
  if (options.ownDatabase || options.env || sendgrid) {
    const sendgridEnv: Record<string, string> = sendgrid ? { SENDGRID_API_KEY: options.sendgrid!.apiKey, SENDGRID_API_URL: sendgrid.url } : {};
    stack = await isolatedStack({ ...sendgridEnv, ...options.env }, typeof options.ownDatabase === 'string' ? options.ownDatabase : undefined);
  }
  return {
    sendgrid,
    async stop() {
      await sendgrid?.close();
      await stack?.restore();
    },
  };
}
