/** An article as the repositories read it, the content of one save, and the helpers over them. */
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

export const ARTICLE_COLUMNS = `a.id, a.category_id AS categoryId, a.translation_of AS translationOf, a.locale, a.title, a.slug,
  b.body_md AS bodyMd, b.body_html AS bodyHtml, a.body_text AS bodyText, a.tags_text AS tagsText, a.visibility,
  a.company_id AS companyId, a.state, a.publish_at AS publishAt, a.published_at AS publishedAt, a.version,
  a.author_id AS authorId, a.view_count AS viewCount, a.helpful_count AS helpfulCount, a.unhelpful_count AS unhelpfulCount,
  a.deflection_count AS deflectionCount, a.created_at AS createdAt, a.updated_at AS updatedAt`;

/** kb_articles with its Markdown and HTML (kb_article_bodies). */
export const ARTICLE_FROM = 'kb_articles a JOIN kb_article_bodies b ON b.article_id = a.id';

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
