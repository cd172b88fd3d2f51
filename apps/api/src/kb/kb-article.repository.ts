import { Injectable } from '@nestjs/common';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { insertRow } from '../database/insert-row.js';
import { words } from './search/fulltext-query.js';
import { forgetKnownTerms } from './search/known-terms.js';

export interface ArticleRow {
  id: number;
  categoryId: number;
  translationOf: number | null;
  locale: string;
  title: string;
  slug: string;
  bodyMd: string;
  bodyHtml: string;
  bodyText: string;
  tagsText: string;
  visibility: 'public' | 'customers' | 'company' | 'internal';
  companyId: number | null;
  state: 'draft' | 'published' | 'scheduled' | 'archived';
  publishAt: Date | null;
  publishedAt: Date | null;
  version: number;
  authorId: number | null;
  viewCount: number;
  helpfulCount: number;
  unhelpfulCount: number;
  deflectionCount: number;
  createdAt: Date;
  updatedAt: Date;
}

/** The content of one save, as stored in kb_articles and in its version row. */
export interface ArticleContent {
  categoryId: number;
  title: string;
  slug: string;
  bodyMd: string;
  bodyHtml: string;
  bodyText: string;
  tags: string[];
  visibility: ArticleRow['visibility'];
  companyId: number | null;
}

export interface VersionRow {
  number: number;
  title: string;
  bodyMd: string;
  tags: string[];
  categoryId: number;
  visibility: ArticleRow['visibility'];
  companyId: number | null;
  authorId: number | null;
  authorName: string | null;
  note: string | null;
  createdAt: Date;
}

export const ARTICLE_COLUMNS = `a.id, a.category_id AS categoryId, a.translation_of AS translationOf, a.locale, a.title, a.slug,
  b.body_md AS bodyMd, b.body_html AS bodyHtml, a.body_text AS bodyText, a.tags_text AS tagsText, a.visibility,
  a.company_id AS companyId, a.state, a.publish_at AS publishAt, a.published_at AS publishedAt, a.version,
  a.author_id AS authorId, a.view_count AS viewCount, a.helpful_count AS helpfulCount, a.unhelpful_count AS unhelpfulCount,
  a.deflection_count AS deflectionCount, a.created_at AS createdAt, a.updated_at AS updatedAt`;

/** kb_articles with its Markdown and HTML (kb_article_bodies). */
export const ARTICLE_FROM = 'kb_articles a JOIN kb_article_bodies b ON b.article_id = a.id';

/** The FULLTEXT tokens that let filters narrow inside the index (see the migration). */
const token = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '_');
export const tagFacet = (tag: string) => `kbtag_${token(tag)}`;
export const localeFacet = (locale: string) => `kbloc_${token(locale)}`;
export const categoryFacet = (id: number) => `kbcat_${id}`;
export const facetsOf = (a: { tags: string[]; locale: string; categoryId: number }) =>
  [...a.tags.map(tagFacet), localeFacet(a.locale), categoryFacet(a.categoryId)].join(' ');

const date = (v: unknown) => (v == null ? null : new Date(v as string));
export const toArticleRow = (r: ArticleRow): ArticleRow => ({
  ...r,
  publishAt: date(r.publishAt),
  publishedAt: date(r.publishedAt),
  createdAt: new Date(r.createdAt),
  updatedAt: new Date(r.updatedAt),
});
export const tagsOf = (row: Pick<ArticleRow, 'tagsText'>) => (row.tagsText ? row.tagsText.split(' ').filter(Boolean) : []);

/** Tags are stored with spaces folded to dashes, so the space-separated tags_text splits back into them. */
export const normaliseTags = (tags: string[]) => [...new Set(tags.map((t) => t.trim().toLowerCase().replace(/\s+/g, '-')).filter(Boolean))];

/** The only place that writes kb_articles, kb_article_tags, kb_article_versions and kb_terms. */
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

  async addVersion(articleId: number, content: ArticleContent, authorId: number, note: string | null, transaction: Transaction) {
    const [{ next }] = await this.sequelize.query<{ next: number }>(
      'SELECT COALESCE(MAX(number), 0) + 1 AS next FROM kb_article_versions WHERE article_id = ?',
      { replacements: [articleId], type: QueryTypes.SELECT, transaction },
    );
    await insertRow(
      this.sequelize,
      'kb_article_versions',
      {
        articleId,
        number: Number(next),
        title: content.title,
        bodyMd: content.bodyMd,
        tags: JSON.stringify(content.tags),
        categoryId: content.categoryId,
        visibility: content.visibility,
        companyId: content.companyId,
        authorId,
        note,
      },
      transaction,
    );
    return Number(next);
  }

  async versions(articleId: number): Promise<VersionRow[]> {
    const rows = await this.sequelize.query<VersionRow & { tags: string }>(
      `SELECT v.number, v.title, v.body_md AS bodyMd, v.tags, v.category_id AS categoryId, v.visibility, v.company_id AS companyId,
              v.author_id AS authorId, u.name AS authorName, v.note, v.created_at AS createdAt
       FROM kb_article_versions v LEFT JOIN users u ON u.id = v.author_id WHERE v.article_id = ? ORDER BY v.number DESC`,
      { replacements: [articleId], type: QueryTypes.SELECT },
    );
    return rows.map((r) => ({ ...r, tags: JSON.parse(r.tags as unknown as string), createdAt: new Date(r.createdAt) }));
  }

  async version(articleId: number, number: number): Promise<VersionRow | null> {
    return (await this.versions(articleId)).find((v) => v.number === number) ?? null;
  }

  /** The words of a saved article, for "did you mean" (kept forever: a stale word is only ever a suggestion we re-check). */
  async rememberTerms(text: string, transaction: Transaction) {
    const terms = [...new Set(words(text).filter((w) => w.length >= 3 && w.length <= 84 && !/^\d+$/.test(w)))].slice(0, 500);
    if (terms.length === 0) return;
    await this.sequelize.query(`INSERT IGNORE INTO kb_terms (term) VALUES ${terms.map(() => '(?)').join(', ')}`, {
      replacements: terms,
      transaction,
    });
    // New words are "did you mean" candidates as soon as they are committed (search/known-terms.ts).
    transaction.afterCommit(() => forgetKnownTerms());
  }

  /** The locales of published articles (a loose scan of the (state, locale) index). */
  async publishedLocales(): Promise<string[]> {
    const rows = await this.sequelize.query<{ locale: string }>(
      "SELECT locale FROM kb_articles WHERE state = 'published' GROUP BY locale ORDER BY locale",
      { type: QueryTypes.SELECT },
    );
    return rows.map((r) => r.locale);
  }

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

  /** Scheduled articles whose time has come, oldest first. */
  async due(now: Date, limit: number) {
    return this.sequelize.query<{ id: number; version: number; publishAt: Date }>(
      `SELECT id, version, publish_at AS publishAt FROM kb_articles WHERE state = 'scheduled' AND publish_at <= ?
       ORDER BY publish_at, id LIMIT ?`,
      { replacements: [now, limit], type: QueryTypes.SELECT },
    );
  }
}
