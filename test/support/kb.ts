import { randomBytes } from 'node:crypto';
import { createApiClient } from '@switchboard/trpc-client';
import { createUser } from './people.js';

/** A word no other test uses, so searches see only this test's articles in the shared scratch database. */
export const uniqueWord = (prefix = 'kbw') => `${prefix}${randomBytes(4).toString('hex')}`;

/** A manager (publishes anywhere) with a fresh category, and helpers to write published articles. */
export async function kbAuthor(apiUrl: string) {
  const manager = await createUser(apiUrl, 'manager');
  const client = createApiClient({ url: apiUrl, token: manager.token });
  const category = await client.kb.saveCategory.mutate({ name: `Category ${uniqueWord('c')}` });
  async function publish(input: Parameters<typeof client.kb.create.mutate>[0]) {
    const draft = await client.kb.create.mutate(input);
    return client.kb.setState.mutate({ id: draft.id, version: draft.version, state: 'published' });
  }
  return { manager, client, category, publish };
}
