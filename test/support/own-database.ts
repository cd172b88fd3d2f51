import { isolatedStack } from './isolated-stack.js';

/**
 * Moves this test file onto a database and queue prefix of its own (see isolatedStack), for tests
 * whose API and worker run with settings the rest of the run does not share (Twilio credentials).
 * `drop()` removes them and puts the environment back.
 */
export async function useOwnDatabase(label: string) {
  const stack = await isolatedStack({}, label);
  return { drop: () => stack.restore() };
}
