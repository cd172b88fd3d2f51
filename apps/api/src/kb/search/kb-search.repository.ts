import { Injectable } from '@nestjs/common';
import type { KbSort } from '@switchboard/contracts';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';

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

/** A title match counts this many times a match in the body (docs/decisions/008). */
export const TITLE_WEIGHT = 4;

const ORDER: Record<KbSort, string> = {
  relevance: 'score DESC, a.id DESC',
  popular: 'a.view_count DESC, score DESC, a.id DESC',
  newest: 'a.published_at DESC, a.id DESC',
};

/** FULLTEXT search over published articles; visibility and filters are all in the one statement. */
@Injectable()
export class KbSearchRepository {
  constructor(private readonly sequelize: Sequelize) {}

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

  /** `query` is an InnoDB BOOLEAN MODE query (fulltext-query.ts). */
  async fulltext(query: string, filter: SearchFilter, withBody = true): Promise<HitRow[]> {
    const replacements: Record<string, unknown> = { q: query, limit: filter.limit, offset: filter.offset };
    const where = this.filters(filter, replacements);
    where.push('MATCH (a.title, a.body_text, a.tags_text) AGAINST (:q IN BOOLEAN MODE)');
    const rows = await this.sequelize.query<HitRow>(
      `SELECT a.id, a.slug, a.title, a.locale, a.category_id AS categoryId, a.tags_text AS tagsText,
              ${withBody ? 'a.body_text' : "''"} AS bodyText, a.view_count AS viewCount, a.published_at AS publishedAt,
              MATCH (a.title) AGAINST (:q IN BOOLEAN MODE) * ${TITLE_WEIGHT}
                + MATCH (a.title, a.body_text, a.tags_text) AGAINST (:q IN BOOLEAN MODE) AS score
       FROM kb_articles a WHERE ${where.join(' AND ')}
       ORDER BY ${ORDER[filter.sort]} LIMIT :limit OFFSET :offset`,
      { replacements, type: QueryTypes.SELECT },
    );
    return rows;
  }

  /** For queries with no indexable word ("IP", "2FA"): a title substring match. */
  async titleLike(text: string, filter: SearchFilter): Promise<HitRow[]> {
    const replacements: Record<string, unknown> = {
      like: `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      limit: filter.limit,
      offset: filter.offset,
    };
    const where = this.filters(filter, replacements);
    where.push('a.title LIKE :like');
    const order = filter.sort === 'relevance' ? 'a.view_count DESC, a.id DESC' : ORDER[filter.sort];
    return this.sequelize.query<HitRow>(
      `SELECT a.id, a.slug, a.title, a.locale, a.category_id AS categoryId, a.tags_text AS tagsText, a.body_text AS bodyText,
              a.view_count AS viewCount, a.published_at AS publishedAt, 1 AS score
       FROM kb_articles a WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT :limit OFFSET :offset`,
      { replacements, type: QueryTypes.SELECT },
    );
  }

  /** Candidate corrections for a word: known terms with the same first letter and a similar length. */
  async termsNear(word: string): Promise<string[]> {
    const rows = await this.sequelize.query<{ term: string }>(
      `SELECT term FROM kb_terms WHERE term LIKE ? AND CHAR_LENGTH(term) BETWEEN ? AND ? ORDER BY term LIMIT 5000`,
      { replacements: [`${word[0].replace(/[\\%_]/g, (c) => `\\${c}`)}%`, word.length - 2, word.length + 2], type: QueryTypes.SELECT },
    );
    return rows.map((r) => r.term);
  }
}
