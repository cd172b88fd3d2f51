import type { KbEditableArticle, KbListItem } from '@switchboard/contracts';
import { sanitizeArticleHtml } from './content/markdown.js';
import { tagsOf, type ArticleRow } from './kb-article-row.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toListItem(row: ArticleRow): KbListItem {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    locale: row.locale,
    tags: tagsOf(row),
    categoryId: row.categoryId,
    visibility: row.visibility,
    companyId: row.companyId ?? null,
    state: row.state,
    publishAt: iso(row.publishAt),
    publishedAt: iso(row.publishedAt),
    translationOf: row.translationOf ?? null,
    version: Number(row.version),
    stats: {
      views: Number(row.viewCount),
      helpful: Number(row.helpfulCount),
      unhelpful: Number(row.unhelpfulCount),
      deflections: Number(row.deflectionCount),
    },
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toEditable(row: ArticleRow): KbEditableArticle {
  // Stored HTML is sanitized again on the way out, in case the allow-list got stricter since it was saved.
  return { ...toListItem(row), bodyMd: row.bodyMd, html: sanitizeArticleHtml(row.bodyHtml) };
}

export const asArticleSubject = (row: Pick<ArticleRow, 'state' | 'visibility' | 'companyId'>) => ({
  state: row.state,
  visibility: row.visibility,
  companyId: row.companyId ?? null,
});
