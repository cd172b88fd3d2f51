import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { KbListItem } from '@switchboard/contracts';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { ARTICLE_COLUMNS, ARTICLE_FROM, toArticleRow, type ArticleRow } from '../../kb-article-row.js';
import { visibleArticlesSql } from '../../kb-visibility.js';
import { toListItem } from '../../kb.mapper.js';
import { ListArticlesQuery } from './list-articles.query.js';

@QueryHandler(ListArticlesQuery)
export class ListArticlesHandler implements IQueryHandler<ListArticlesQuery, KbListItem[]> {
  constructor(private readonly sequelize: Sequelize) {}

  async execute({ actor, filter }: ListArticlesQuery): Promise<KbListItem[]> {
    const visibleSql = visibleArticlesSql(this.sequelize, actor.ability);
    if (visibleSql === null) return [];
    const where = [visibleSql];
    const replacements: Record<string, unknown> = { limit: filter.limit };
    if (filter.state) {
      where.push('a.state = :state');
      replacements.state = filter.state;
    }
    if (filter.categoryId) {
      where.push('a.category_id = :categoryId');
      replacements.categoryId = filter.categoryId;
    }
    if (filter.translationsOf) {
      // Translations point at the original: the group is the original and everything pointing at it.
      const [member] = await this.sequelize.query<{ original: number }>('SELECT COALESCE(translation_of, id) AS original FROM kb_articles WHERE id = ?', {
        replacements: [filter.translationsOf],
        type: QueryTypes.SELECT,
      });
      if (!member) return [];
      where.push('(a.id = :original OR a.translation_of = :original)');
      replacements.original = member.original;
    }
    if (filter.q) {
      where.push('a.title LIKE :q');
      replacements.q = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    }
    const rows = await this.sequelize.query<ArticleRow>(
      `SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE ${where.join(' AND ')} ORDER BY a.updated_at DESC, a.id DESC LIMIT :limit`,
      { replacements, type: QueryTypes.SELECT },
    );
    return rows.map((r) => toListItem(toArticleRow(r)));
  }
}
