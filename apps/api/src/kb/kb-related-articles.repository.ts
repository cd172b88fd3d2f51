import { Injectable } from '@nestjs/common';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { tagsOf, type ArticleRow } from './kb-article-row.js';

/** The articles shown beside a published one: its translations and the related ones. */
@Injectable()
export class KbRelatedArticlesRepository {
  constructor(private readonly sequelize: Sequelize) {}

  /** The whole translation group of an article: the original and every translation. */
  async translations(article: Pick<ArticleRow, 'id' | 'translationOf'>, visibleSql: string) {
    const group = article.translationOf ?? article.id;
    const rows = await this.sequelize.query<{ id: number; slug: string; title: string; locale: string }>(
      `SELECT a.id, a.slug, a.title, a.locale FROM kb_articles a
       WHERE (a.id = ? OR a.translation_of = ?) AND a.id <> ? AND a.state = 'published' AND ${visibleSql} ORDER BY a.locale`,
      { replacements: [group, group, article.id], type: QueryTypes.SELECT },
    );
    return rows;
  }

  /** Published articles sharing the most tags, then the same category, in the same locale. */
  async related(article: ArticleRow, visibleSql: string, limit = 5) {
    const tags = tagsOf(article);
    const group = article.translationOf ?? article.id;
    return this.sequelize.query<{ id: number; slug: string; title: string; locale: string }>(
      `SELECT a.id, a.slug, a.title, a.locale,
              ${tags.length ? '(SELECT COUNT(*) FROM kb_article_tags t WHERE t.article_id = a.id AND t.tag IN (:tags))' : '0'} AS shared
       FROM kb_articles a
       WHERE a.state = 'published' AND a.locale = :locale AND a.id <> :id AND a.id <> :group AND COALESCE(a.translation_of, 0) <> :group
         AND ${visibleSql}
         AND (a.category_id = :category ${tags.length ? 'OR EXISTS (SELECT 1 FROM kb_article_tags t WHERE t.article_id = a.id AND t.tag IN (:tags))' : ''})
       ORDER BY shared DESC, a.view_count DESC, a.id DESC LIMIT :limit`,
      {
        replacements: { tags, locale: article.locale, id: article.id, group, category: article.categoryId, limit },
        type: QueryTypes.SELECT,
      },
    );
  }
}
