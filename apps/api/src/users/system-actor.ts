import { Injectable } from '@nestjs/common';
import { SYSTEM_USER_EMAIL } from '@switchboard/migrations';
import { defineAbilityFor } from '../access/ability.factory.js';
import type { Actor } from '../common/actor.js';
import { toAuthUser } from './user.mapper.js';
import { UserRepository } from './user.repository.js';

export const SYSTEM_USER_AGENT = 'switchboard-worker';

/**
 * The author of automatic changes (auto-close and other scheduled work): the reserved user
 * 'Switchboard' that a migration creates, role admin, without a password.
 */
@Injectable()
export class SystemActor {
  private cached: Actor | null = null;

  constructor(private readonly users: UserRepository) {}

  async get(): Promise<Actor> {
    if (this.cached) return this.cached;
    const user = await this.users.findByEmail(SYSTEM_USER_EMAIL);
    if (!user) throw new Error(`the system user ${SYSTEM_USER_EMAIL} is missing; run the migrations`);
    const auth = toAuthUser(user);
    this.cached = { user: auth, ability: defineAbilityFor(auth), ip: null, userAgent: SYSTEM_USER_AGENT };
    return this.cached;
  }
}
