import { Query } from '@nestjs/cqrs';
import type { KbVersion } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

/** Every saved version of an article, newest first, with author and time. */
export class ArticleHistoryQuery extends Query<KbVersion[]> {
  constructor(
    readonly actor: Actor,
    readonly id: number,
  ) {
    super();
  }
}
