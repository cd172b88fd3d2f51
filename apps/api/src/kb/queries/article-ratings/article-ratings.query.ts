import { Query } from '@nestjs/cqrs';
import type { KbRatings } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

/** Readers' ratings of one article, newest first, with their comments: for the article's authors. */
export class ArticleRatingsQuery extends Query<KbRatings> {
  constructor(
    readonly actor: Actor,
    readonly id: number,
    readonly limit: number,
  ) {
    super();
  }
}
