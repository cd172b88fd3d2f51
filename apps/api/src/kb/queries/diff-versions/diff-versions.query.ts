import { Query } from '@nestjs/cqrs';
import type { KbDiff } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

/** What changed between two versions of an article. */
export class DiffVersionsQuery extends Query<KbDiff> {
  constructor(
    readonly actor: Actor,
    readonly id: number,
    readonly from: number,
    readonly to: number,
  ) {
    super();
  }
}
