import { Injectable } from '@nestjs/common';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { insertRow } from '../database/insert-row.js';
import { ARTICLE_COLUMNS, ARTICLE_FROM, toArticleRow, type ArticleContent, type ArticleRow } from './kb-article-row.js';
import { facetsOf } from './search/facet-tokens.js';

/** The only place that writes kb_articles and kb_article_tags (versions: KbArticleVersionRepository; terms: KbTermsRepository). */
@Injectable()
export class KbArticleRepository {
  constructor(private readonly sequelize: Sequelize) {}

  private async one(where: string, params: unknown[], transaction?: Transaction, forUpdate = false) {
    const rows = await this.sequelize.query<ArticleRow>(
      `SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_FROM} WHERE ${where}${forUpdate ? ' FOR UPDATE' : ''}`,
      { replacements: params, type: QueryTypes.SELECT, transaction },
    );
    return rows[0] ? toArticleRow(rows[0]) : null;
  }

  byId(id: number, transaction?: Transaction, forUpdate = false) {
    return this.one('a.id = ?', [id], transaction, forUpdate);
  }

  bySlug(slug: string) {
    return this.one('a.slug = ?', [slug]);
  }

  /** `base`, or `base-2`, `base-3`… : the first slug no other article has. */
  async freeSlug(base: string, exceptId: number | null, transaction: Transaction): Promise<string> {
    const rows = await this.sequelize.query<{ slug: string }>(
      'SELECT slug FROM kb_articles WHERE (slug = ? OR slug LIKE ?) AND id <> ?',
      { replacements: [base, `${base}-%`, exceptId ?? 0], type: QueryTypes.SELECT, transaction },
    );
    const taken = new Set(rows.map((r) => r.slug));
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }

  async insert(
    content: ArticleContent,
    extra: { locale: string; translationOf: number | null; authorId: number },
    transaction: Transaction,
  ): Promise<number> {
    const now = new Date();
    const id = await insertRow(
      this.sequelize,
      'kb_articles',
      {
        categoryId: content.categoryId,
        translationOf: extra.translationOf,
        locale: extra.locale,
        title: content.title,
        slug: content.slug,
        bodyText: content.bodyText,
        tagsText: content.tags.join(' '),
        facets: facetsOf({ tags: content.tags, locale: extra.locale, categoryId: content.categoryId }),
        visibility: content.visibility,
        companyId: content.companyId,
        state: 'draft',
        version: 1,
        authorId: extra.authorId,
        updatedBy: extra.authorId,
        createdAt: now,
        updatedAt: now,
      },
      transaction,
    );
    await insertRow(this.sequelize, 'kb_article_bodies', { articleId: id, bodyMd: content.bodyMd, bodyHtml: content.bodyHtml }, transaction);
    await this.replaceTags(id, content.tags, transaction);
    return id;
  }

  /** Optimistic: changes the row only at `version`; false when someone saved in between. */
  async updateContent(id: number, version: number, content: ArticleContent, locale: string, userId: number, transaction: Transaction) {
    const [, affected] = (await this.sequelize.query(
      `UPDATE kb_articles SET category_id = ?, title = ?, slug = ?, body_text = ?, tags_text = ?, facets = ?,
         visibility = ?, company_id = ?, version = version + 1, updated_by = ?, updated_at = ?
       WHERE id = ? AND version = ?`,
      {
        replacements: [
          content.categoryId, content.title, content.slug, content.bodyText, content.tags.join(' '),
          facetsOf({ tags: content.tags, locale, categoryId: content.categoryId }),
          content.visibility, content.companyId, userId, new Date(), id, version,
        ],
        transaction,
        type: QueryTypes.UPDATE,
      },
    )) as unknown as [unknown, number];
    if (affected !== 1) return false;
    await this.sequelize.query('UPDATE kb_article_bodies SET body_md = ?, body_html = ? WHERE article_id = ?', {
      replacements: [content.bodyMd, content.bodyHtml, id],
      transaction,
    });
    await this.replaceTags(id, content.tags, transaction);
    return true;
  }

  async setState(
    id: number,
    version: number,
    state: ArticleRow['state'],
    publishAt: Date | null,
    publishedAt: Date | null,
    userId: number,
    transaction: Transaction,
  ) {
    const [, affected] = (await this.sequelize.query(
      `UPDATE kb_articles SET state = ?, publish_at = ?, published_at = COALESCE(?, published_at), version = version + 1,
         updated_by = ?, updated_at = ? WHERE id = ? AND version = ?`,
      { replacements: [state, publishAt, publishedAt, userId, new Date(), id, version], transaction, type: QueryTypes.UPDATE },
    )) as unknown as [unknown, number];
    return affected === 1;
  }

  private async replaceTags(id: number, tags: string[], transaction: Transaction) {
    await this.sequelize.query('DELETE FROM kb_article_tags WHERE article_id = ?', { replacements: [id], transaction });
    if (tags.length === 0) return;
    await this.sequelize.query(`INSERT INTO kb_article_tags (article_id, tag) VALUES ${tags.map(() => '(?, ?)').join(', ')}`, {
      replacements: tags.flatMap((t) => [id, t]),
      transaction,
    });
  }

  /** The locales of published articles (a loose scan of the (state, locale) index). */
  async publishedLocales(): Promise<string[]> {
    const rows = await this.sequelize.query<{ locale: string }>(
      "SELECT locale FROM kb_articles WHERE state = 'published' GROUP BY locale ORDER BY locale",
      { type: QueryTypes.SELECT },
    );
    return rows.map((r) => r.locale);
  }

  /** Scheduled articles whose time has come, oldest first. */
  async due(now: Date, limit: number) {
    return this.sequelize.query<{ id: number; version: number; publishAt: Date }>(
      `SELECT id, version, publish_at AS publishAt FROM kb_articles WHERE state = 'scheduled' AND publish_at <= ?
       ORDER BY publish_at, id LIMIT ?`,
      { replacements: [now, limit], type: QueryTypes.SELECT },
    );
  }
}
