import { Query } from '@nestjs/cqrs';
import type { KbListItem, zKbListInput } from '@switchboard/contracts';
import type { z } from 'zod';
import type { Actor } from '../../../common/actor.js';

/** The editors' list: every state, newest change first, with views, ratings and deflections. */
export class ListArticlesQuery extends Query<KbListItem[]> {
  constructor(
    readonly actor: Actor,
    readonly filter: z.output<typeof zKbListInput>,
  ) {
    super();
  }
}
