import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { KbSearchResult } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import { KbCategoryRepository, descendantIds } from '../../kb-category.repository.js';
import { KbClock } from '../../kb-clock.js';
import { KbFeedbackRepository } from '../../kb-feedback.repository.js';
import { visibleArticlesSql } from '../../kb-visibility.js';
import { booleanQuery, indexableTerms } from '../../search/fulltext-query.js';
import { KbSearchRepository, type HitRow, type SearchFilter } from '../../search/kb-search.repository.js';
import { MissLimiter } from '../../search/miss-limiter.js';
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

/** How a missed query is counted: lower case, words only, single spaces ("Reset  Password?" -> "reset password"). */
export const normaliseQuery = (q: string) =>
  q
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .slice(0, 190);

@QueryHandler(SearchArticlesQuery)
export class SearchArticlesHandler implements IQueryHandler<SearchArticlesQuery, KbSearchResult> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly search: KbSearchRepository,
    private readonly categories: KbCategoryRepository,
    private readonly feedback: KbFeedbackRepository,
    private readonly limiter: MissLimiter,
    private readonly clock: KbClock,
  ) {}

  async execute({ reader, input, deflection, client }: SearchArticlesQuery): Promise<KbSearchResult> {
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
    // Independent of each other: one round trip's worth of waiting instead of two.
    const [didYouMean] = await Promise.all([
      terms.length ? this.suggestion(terms, filter) : null,
      this.logMiss(normaliseQuery(input.q), input.locale ?? '', client),
    ]);
    return { items: [], didYouMean };
  }

  /** Counted once per client, query and day, and at most a few queries per client and hour (miss-limiter.ts). */
  private async logMiss(query: string, locale: string, client: string) {
    const now = this.clock.now();
    if (query && (await this.limiter.admit(client, query, locale, now))) await this.feedback.logMiss(query, locale, now);
  }

  /** Each unknown word replaced by the closest known one; offered only if that query finds something here. */
  private async suggestion(terms: string[], filter: SearchFilter): Promise<string | null> {
    const candidates = await Promise.all(terms.map((term) => this.search.termsNear(term)));
    const corrected = terms.map((term, i) => closest(term, candidates[i]) ?? term);
    if (corrected.every((t, i) => t === terms[i])) return null;
    const found = await this.search.fulltext(booleanQuery(corrected), { ...filter, limit: 1, offset: 0 }, false);
    return found.length ? corrected.join(' ') : null;
  }
}
