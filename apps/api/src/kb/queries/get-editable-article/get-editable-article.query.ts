import { Query } from '@nestjs/cqrs';
import type { KbEditableArticle } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

/** One article for its editors: Markdown, state, version and counters. */
export class GetEditableArticleQuery extends Query<KbEditableArticle> {
  constructor(
    readonly actor: Actor,
    readonly id: number,
  ) {
    super();
  }
}
