import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../../common/actor.js';

/** What readers searched for and did not find, most frequent first. */
export class ListSearchMissesQuery extends Query<{ query: string; locale: string; count: number; lastAt: string }[]> {
  constructor(readonly actor: Actor) {
    super();
  }
}
