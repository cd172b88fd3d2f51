import { Query } from '@nestjs/cqrs';
import type { KbArticle } from '@switchboard/contracts';
import type { KbReader } from '../../kb-reader.js';

/** One article by its slug, as readers see it: HTML, breadcrumbs, translations, related articles. */
export class GetArticleQuery extends Query<KbArticle> {
  constructor(
    readonly reader: KbReader,
    readonly slug: string,
  ) {
    super();
  }
}
