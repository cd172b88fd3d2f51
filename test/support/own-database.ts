import { dropDatabase, migrateUp, parseDatabaseUrl } from '@switchboard/migrations';

/**
 * Moves this test file onto a database and queue prefix of its own (jest gives each file its own
 * copy of process.env). For tests whose API and worker run with settings the rest of the run does
 * not share (Twilio credentials): otherwise another file's worker could pick up their jobs.
 */
export async function useOwnDatabase(name: string) {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `${url.pathname}_${name}`;
  const databaseUrl = url.toString();
  process.env.DATABASE_URL = databaseUrl;
  process.env.QUEUE_PREFIX = `${process.env.QUEUE_PREFIX}:${name}`; // still under the run prefix: global-teardown clears it
  await migrateUp({ databaseUrl });
  return { drop: () => dropDatabase(parseDatabaseUrl(databaseUrl)) };
}
