import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { KbLink } from '@switchboard/contracts';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { visibleArticlesSql } from '../../kb-visibility.js';
import { localeFacet } from '../../search/facet-tokens.js';
import { booleanQuery, indexableTerms } from '../../search/fulltext-query.js';
import { SuggestTitlesQuery } from './suggest-titles.query.js';

/** Most relevant first: InnoDB's order for MATCH in WHERE without ORDER BY (see KbSearchRepository). */
@QueryHandler(SuggestTitlesQuery)
export class SuggestTitlesHandler implements IQueryHandler<SuggestTitlesQuery, KbLink[]> {
  constructor(private readonly sequelize: Sequelize) {}

  async execute({ reader, q, locale }: SuggestTitlesQuery): Promise<KbLink[]> {
    const visibleSql = visibleArticlesSql(this.sequelize, reader.ability);
    const terms = indexableTerms(q);
    if (visibleSql === null || terms.length === 0) return [];
    return this.sequelize.query<KbLink>(
      `SELECT a.id, a.slug, a.title, a.locale FROM kb_articles a
       WHERE MATCH (a.title, a.facets) AGAINST (:q IN BOOLEAN MODE) AND a.state = 'published' AND ${visibleSql}
         ${locale ? 'AND a.locale = :locale' : ''}
       LIMIT 8`,
      {
        replacements: { q: `${booleanQuery(terms, true)}${locale ? ` +${localeFacet(locale)}` : ''}`, locale },
        type: QueryTypes.SELECT,
      },
    );
  }
}
