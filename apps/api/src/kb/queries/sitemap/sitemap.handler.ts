import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { readerOf } from '../../kb-reader.js';
import { visibleArticlesSql } from '../../kb-visibility.js';
import { SitemapQuery, type SitemapEntry } from './sitemap.query.js';

const LIMIT = 50_000; // the sitemap protocol's limit per file

@QueryHandler(SitemapQuery)
export class SitemapHandler implements IQueryHandler<SitemapQuery, SitemapEntry[]> {
  constructor(private readonly sequelize: Sequelize) {}

  async execute(): Promise<SitemapEntry[]> {
    const visibleSql = visibleArticlesSql(this.sequelize, readerOf(null).ability);
    if (!visibleSql) return [];
    const rows = await this.sequelize.query<{ slug: string; updatedAt: Date }>(
      `SELECT a.slug, a.updated_at AS updatedAt FROM kb_articles a WHERE a.state = 'published' AND ${visibleSql}
       ORDER BY a.id LIMIT ${LIMIT}`,
      { type: QueryTypes.SELECT },
    );
    return rows.map((r) => ({ slug: r.slug, updatedAt: new Date(r.updatedAt).toISOString() }));
  }
}
