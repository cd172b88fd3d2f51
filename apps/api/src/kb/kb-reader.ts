import { defineAnonymousAbility } from '../access/ability.factory.js';
import type { AppAbility } from '../access/app-ability.js';
import type { Actor } from '../common/actor.js';

/** Whoever reads the knowledge base: a signed-in user, or a visitor with the anonymous ability. */
export interface KbReader {
  ability: AppAbility;
  userId: number | null;
  staff: boolean;
}

let anonymous: AppAbility | null = null;

export function readerOf(actor: Actor | null): KbReader {
  if (actor) return { ability: actor.ability, userId: actor.user.id, staff: actor.user.role !== 'customer' };
  anonymous ??= defineAnonymousAbility();
  return { ability: anonymous, userId: null, staff: false };
}
