import { Injectable } from '@nestjs/common';
import type { KbSort } from '@switchboard/contracts';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { categoryFacet, localeFacet, tagFacet } from './facet-tokens.js';
import { FacetStats } from './facet-stats.js';
import { knownTermsByLetter } from './known-terms.js';

export interface SearchFilter {
  /** CASL-derived condition on alias `a` (kb-visibility.ts). */
  visibleSql: string;
  locale?: string;
  categoryIds?: number[];
  tag?: string;
  sort: KbSort;
  limit: number;
  offset: number;
}

export interface HitRow {
  id: number;
  slug: string;
  title: string;
  locale: string;
  categoryId: number;
  tagsText: string;
  bodyText: string;
  viewCount: number;
  publishedAt: Date | null;
  score: number;
}

const time = (d: Date | string | null) => (d ? new Date(d).getTime() : 0);

/** How much a title match's relevance is scaled in the reported score (the order already puts title matches first). */
export const TITLE_WEIGHT = 4;
/** Popularity and date sorts re-order this many of the most relevant matches, not every match. */
export const RESORT_WINDOW = 100;
/** How long the known terms of a letter are kept in memory for "did you mean". */
export const TERMS_TTL_MS = 5 * 60_000;
/** Above this many terms for one letter, candidates are asked per word instead of kept. */
export const TERMS_PER_LETTER = 20_000;

/**
 * FULLTEXT search over published articles; visibility and filters are in the same statements.
 *
 * Speed (docs/decisions/012): with MATCH in WHERE and no ORDER BY, InnoDB returns rows in decreasing
 * relevance and the server stops at the LIMIT, so a page costs a few row reads however many articles
 * match. An ORDER BY (even on the same MATCH) makes MariaDB read and sort every match: 1-2 s for a word
 * in a third of 100,000 articles. Ranking is therefore done in two scans, each in index order:
 *   1. matches in the title (title FULLTEXT index), most relevant first;
 *   2. then the other matches in title, body and tags (combined index), most relevant first.
 * So a title match always ranks above an article that has the words only in its body or tags.
 */
@Injectable()
export class KbSearchRepository {
  /** Which filters are worth a facet term (facet-stats.ts). */
  readonly facetStats: FacetStats;

  constructor(private readonly sequelize: Sequelize) {
    this.facetStats = new FacetStats(sequelize);
  }

  private filters(filter: SearchFilter, replacements: Record<string, unknown>) {
    const where = [`a.state = 'published'`, filter.visibleSql];
    if (filter.locale) {
      where.push('a.locale = :locale');
      replacements.locale = filter.locale;
    }
    if (filter.categoryIds?.length) {
      where.push('a.category_id IN (:categoryIds)');
      replacements.categoryIds = filter.categoryIds;
    }
    if (filter.tag) {
      where.push('EXISTS (SELECT 1 FROM kb_article_tags t WHERE t.article_id = a.id AND t.tag = :tag)');
      replacements.tag = filter.tag;
    }
    return where;
  }

  /** Up to `limit` matches of `match` (a MATCH ... AGAINST (:q ...)), in the index's relevance order. */
  private scan(match: string, weight: number, query: string, filter: SearchFilter, limit: number, withBody: boolean) {
    const replacements: Record<string, unknown> = { q: query, limit };
    const where = [...this.filters(filter, replacements), match];
    // No ORDER BY on purpose: see the class comment.
    return this.sequelize.query<HitRow>(
      `SELECT a.id, a.slug, a.title, a.locale, a.category_id AS categoryId, a.tags_text AS tagsText,
              ${withBody ? 'a.body_text' : "''"} AS bodyText, a.view_count AS viewCount, a.published_at AS publishedAt,
              ${match} * ${weight} AS score
       FROM kb_articles a WHERE ${where.join(' AND ')} LIMIT :limit`,
      { replacements, type: QueryTypes.SELECT },
    );
  }

  /**
   * The selective filters as required FULLTEXT terms on the facets column, so the index itself
   * intersects them with the words; the SQL conditions stay as well (they decide, the facets only
   * narrow). A filter most articles pass (a main locale, a common tag) is left to the SQL conditions:
   * reading the facet's long posting list would cost more than the few rows it saves (facet-stats.ts).
   */
  private withFacets(query: string, filter: SearchFilter) {
    const required = [];
    if (filter.locale && this.facetStats.useFacet('locale', filter.locale)) required.push(`+${localeFacet(filter.locale)}`);
    if (filter.tag && this.facetStats.useFacet('tag', filter.tag)) required.push(`+${tagFacet(filter.tag)}`);
    if (filter.categoryIds?.length) required.push(`+(${filter.categoryIds.map(categoryFacet).join(' ')})`);
    if (required.length === 0) return query;
    // With optional words only (deflection), at least one of them must still match, not just the facets.
    return `${query.startsWith('+') ? query : `+(${query})`} ${required.join(' ')}`;
  }

  /** `words` is an InnoDB BOOLEAN MODE query (fulltext-query.ts). */
  async fulltext(words: string, filter: SearchFilter, withBody = true): Promise<HitRow[]> {
    const query = this.withFacets(words, filter);
    const wanted = filter.sort === 'relevance' ? filter.offset + filter.limit : Math.max(RESORT_WINDOW, filter.offset + filter.limit);
    const inTitle = await this.scan('MATCH (a.title, a.facets) AGAINST (:q IN BOOLEAN MODE)', TITLE_WEIGHT, query, filter, wanted, withBody);
    let rows = inTitle;
    if (inTitle.length < wanted) {
      const seen = new Set(inTitle.map((r) => r.id));
      const anywhere = await this.scan(
        'MATCH (a.title, a.body_text, a.tags_text, a.facets) AGAINST (:q IN BOOLEAN MODE)',
        1,
        query,
        filter,
        wanted + inTitle.length,
        withBody,
      );
      rows = [...inTitle, ...anywhere.filter((r) => !seen.has(r.id))].slice(0, wanted);
    }
    if (filter.sort === 'popular') rows = [...rows].sort((a, b) => Number(b.viewCount) - Number(a.viewCount) || b.id - a.id);
    if (filter.sort === 'newest') rows = [...rows].sort((a, b) => time(b.publishedAt) - time(a.publishedAt) || b.id - a.id);
    return rows.slice(filter.offset, filter.offset + filter.limit);
  }

  /**
   * For queries with no indexable word ("IP", "2FA"): a title substring match. A LIKE with a leading
   * wildcard reads rows until it has a page, so there is no ORDER BY (it would read every row).
   */
  async titleLike(text: string, filter: SearchFilter): Promise<HitRow[]> {
    const replacements: Record<string, unknown> = {
      like: `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      limit: filter.limit,
      offset: filter.offset,
    };
    const where = this.filters(filter, replacements);
    where.push('a.title LIKE :like');
    return this.sequelize.query<HitRow>(
      `SELECT a.id, a.slug, a.title, a.locale, a.category_id AS categoryId, a.tags_text AS tagsText, a.body_text AS bodyText,
              a.view_count AS viewCount, a.published_at AS publishedAt, 1 AS score
       FROM kb_articles a WHERE ${where.join(' AND ')} LIMIT :limit OFFSET :offset`,
      { replacements, type: QueryTypes.SELECT },
    );
  }

  /**
   * Candidate corrections for a word: known terms with the same first letter and a similar length.
   * The terms of one letter are read once and kept for a few minutes (a new article's words become
   * candidates that much later); a letter with very many terms is asked per word instead.
   */
  async termsNear(word: string, now = Date.now()): Promise<string[]> {
    const letter = word[0];
    const near = (t: string) => t.length >= word.length - 2 && t.length <= word.length + 2;
    const cached = knownTermsByLetter.get(letter);
    if (cached && now - cached.at < TERMS_TTL_MS) return cached.terms.filter(near);
    const prefix = `${letter.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const all = await this.sequelize.query<{ term: string }>('SELECT term FROM kb_terms WHERE term LIKE ? ORDER BY term LIMIT ?', {
      replacements: [prefix, TERMS_PER_LETTER + 1],
      type: QueryTypes.SELECT,
    });
    if (all.length <= TERMS_PER_LETTER) {
      const terms = all.map((r) => r.term);
      knownTermsByLetter.set(letter, { terms, at: now });
      return terms.filter(near);
    }
    const rows = await this.sequelize.query<{ term: string }>(
      `SELECT term FROM kb_terms WHERE term LIKE ? AND CHAR_LENGTH(term) BETWEEN ? AND ? ORDER BY term LIMIT 5000`,
      { replacements: [prefix, word.length - 2, word.length + 2], type: QueryTypes.SELECT },
    );
    return rows.map((r) => r.term);
  }
}
