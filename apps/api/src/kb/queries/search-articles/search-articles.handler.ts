import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { KbSearchResult } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import { KbCategoryRepository, descendantIds } from '../../kb-category.repository.js';
import { KbFeedbackRepository } from '../../kb-feedback.repository.js';
import { visibleArticlesSql } from '../../kb-visibility.js';
import { booleanQuery, indexableTerms } from '../../search/fulltext-query.js';
import { KbSearchRepository, type HitRow, type SearchFilter } from '../../search/kb-search.repository.js';
import { highlight } from '../../search/snippet.js';
import { closest } from '../../search/spelling.js';
import { SearchArticlesQuery } from './search-articles.query.js';

const toHit = (row: HitRow, terms: string[]) => ({
  id: row.id,
  slug: row.slug,
  title: row.title,
  locale: row.locale,
  categoryId: row.categoryId,
  tags: row.tagsText ? row.tagsText.split(' ') : [],
  snippetHtml: highlight(row.bodyText, terms),
  score: Number(row.score),
  views: Number(row.viewCount),
  publishedAt: row.publishedAt ? new Date(row.publishedAt).toISOString() : null,
});

@QueryHandler(SearchArticlesQuery)
export class SearchArticlesHandler implements IQueryHandler<SearchArticlesQuery, KbSearchResult> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly search: KbSearchRepository,
    private readonly categories: KbCategoryRepository,
    private readonly feedback: KbFeedbackRepository,
  ) {}

  async execute({ reader, input, deflection }: SearchArticlesQuery): Promise<KbSearchResult> {
    const visibleSql = visibleArticlesSql(this.sequelize, reader.ability);
    if (visibleSql === null) return { items: [], didYouMean: null };
    const filter: SearchFilter = {
      visibleSql,
      locale: input.locale,
      tag: input.tag,
      categoryIds: input.categoryId ? descendantIds(await this.categories.all(), input.categoryId) : undefined,
      sort: input.sort,
      limit: input.limit,
      offset: input.offset,
    };
    const terms = indexableTerms(input.q);
    const rows = terms.length
      ? await this.search.fulltext(booleanQuery(terms, false, deflection), filter)
      : await this.search.titleLike(input.q, filter);
    if (rows.length > 0 || input.offset > 0) return { items: rows.map((r) => toHit(r, terms)), didYouMean: null };

    if (deflection) return { items: [], didYouMean: null };
    const didYouMean = terms.length ? await this.suggestion(terms, filter) : null;
    await this.feedback.logMiss(input.q.toLowerCase().replace(/\s+/g, ' '), input.locale ?? '');
    return { items: [], didYouMean };
  }

  /** Each unknown word replaced by the closest known one; offered only if that query finds something here. */
  private async suggestion(terms: string[], filter: SearchFilter): Promise<string | null> {
    const corrected: string[] = [];
    for (const term of terms) corrected.push(closest(term, await this.search.termsNear(term)) ?? term);
    if (corrected.every((t, i) => t === terms[i])) return null;
    const found = await this.search.fulltext(booleanQuery(corrected), { ...filter, limit: 1, offset: 0 }, false);
    return found.length ? corrected.join(' ') : null;
  }
}
