import type { RoutingStrategy } from '@switchboard/contracts';
import { createApiClient } from '@switchboard/trpc-client';
import { randomBytes } from 'node:crypto';
import { createUser } from './people.js';

/** Staff and routing fixtures built through the real API as an admin. */
export function staffFixtures(url: string, adminToken: string) {
  const admin = createApiClient({ url, token: adminToken });
  const unique = (prefix: string) => `${prefix} ${randomBytes(4).toString('hex')}`;

  /** An agent with a capacity, online unless told otherwise. */
  async function agent(opts: { capacity?: number; online?: boolean; name?: string; role?: 'agent' | 'manager' } = {}) {
    const user = await createUser(url, opts.role ?? 'agent', { name: opts.name ?? unique('Agent') });
    const client = createApiClient({ url, token: user.token });
    if (opts.capacity !== undefined) await admin.people.updateAgent.mutate({ id: user.id, capacity: opts.capacity });
    if (opts.online !== false) await client.people.setAvailability.mutate({ availability: 'online' });
    return { ...user, client };
  }

  /** A team with members and a category whose tickets it gets (never a default team: other tests' tickets stay unrouted). */
  async function team(strategy: RoutingStrategy, memberIds: number[], opts: { skillId?: number } = {}) {
    const saved = await admin.people.saveTeam.mutate({ name: unique('Team'), routingStrategy: strategy, memberIds });
    const category = await admin.catalog.saveCategory.mutate({ name: unique('Category') });
    await admin.routing.setRule.mutate({ kind: 'category', id: category.id, teamId: saved.id, skillId: opts.skillId ?? null });
    return { ...saved, categoryId: category.id };
  }

  return { admin, agent, team, unique };
}
