import { Injectable } from '@nestjs/common';
import { defineAbilityFor } from '../../access/ability.factory.js';
import type { Actor } from '../../common/actor.js';
import { toAuthUser } from '../../users/user.mapper.js';
import { UserRepository } from '../../users/user.repository.js';

/** The customer behind a phone number, as the actor of the commands a webhook's job dispatches. */
@Injectable()
export class TwilioActor {
  constructor(private readonly users: UserRepository) {}

  async of(userId: number): Promise<Actor> {
    const user = await this.users.findById(userId);
    if (!user) throw new Error(`user ${userId} behind a phone number is gone`);
    const auth = toAuthUser(user);
    return { user: auth, ability: defineAbilityFor(auth), ip: null, userAgent: 'twilio' };
  }
}
