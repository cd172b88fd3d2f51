import { z } from 'zod';

export const KB_VISIBILITIES = ['public', 'customers', 'company', 'internal'] as const;
export type KbVisibility = (typeof KB_VISIBILITIES)[number];
export const KB_STATES = ['draft', 'published', 'scheduled', 'archived'] as const;
export type KbState = (typeof KB_STATES)[number];
export const KB_SORTS = ['relevance', 'popular', 'newest'] as const;
export type KbSort = (typeof KB_SORTS)[number];
/** Who may publish in a category: any agent, or managers (and admins) only. */
export const KB_PUBLISH_ROLES = ['agent', 'manager'] as const;

const zId = (what: string) => z.coerce.number({ error: `must be ${what} id` }).int().positive();
export const zKbArticleId = zId('an article');
export const zKbCategoryId = zId('a category');
/** The locale readers fall back to when none of theirs is written. */
export const KB_DEFAULT_LOCALE = 'en';
export const zKbLocales = z.object({ default: z.string(), locales: z.array(z.string()) });
export type KbLocales = z.infer<typeof zKbLocales>;
export const zKbLocale = z
  .string()
  .trim()
  .regex(/^[a-z]{2}(-[A-Z]{2})?$/, { error: 'must be a locale such as en or pt-BR' });
const zTag = z.string().trim().toLowerCase().min(1).max(64, { error: 'must be at most 64 characters' });
export const zKbTags = z.array(zTag).max(20, { error: 'at most 20 tags' });
const zSlug = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'may hold lowercase letters, digits and dashes' })
  .max(200);

export const zKbArticleInput = z.object({
  categoryId: zKbCategoryId,
  title: z.string().trim().min(1, { error: 'is required' }).max(200, { error: 'must be at most 200 characters' }),
  bodyMd: z.string().max(200_000, { error: 'is too long' }),
  tags: zKbTags.default([]),
  locale: zKbLocale.default('en'),
  visibility: z.enum(KB_VISIBILITIES).default('public'),
  /** Required when visibility is `company`. */
  companyId: z.coerce.number().int().positive().nullable().optional(),
  /** The article this one translates (another locale of the same content). */
  translationOf: zKbArticleId.nullable().optional(),
  slug: zSlug.optional(),
});
export type KbArticleInput = z.input<typeof zKbArticleInput>;

export const zKbUpdateArticleInput = zKbArticleInput
  .omit({ translationOf: true, locale: true })
  .partial()
  .extend({ id: zKbArticleId, version: z.coerce.number().int().positive(), note: z.string().trim().max(200).optional() });
export type KbUpdateArticleInput = z.input<typeof zKbUpdateArticleInput>;

export const zKbSetStateInput = z.object({
  id: zKbArticleId,
  version: z.coerce.number().int().positive(),
  state: z.enum(KB_STATES),
  /** Required for `scheduled`: when the article goes live. */
  publishAt: z.coerce.date({ error: 'must be a date and time' }).optional(),
});

export const zKbCategoryInput = z.object({
  id: zKbCategoryId.optional(),
  parentId: zKbCategoryId.nullable().default(null),
  name: z.string().trim().min(1, { error: 'is required' }).max(120),
  slug: zSlug.optional(),
  description: z.string().trim().max(500).nullable().default(null),
  position: z.coerce.number().int().default(0),
  publishRole: z.enum(KB_PUBLISH_ROLES).default('agent'),
});

export const zKbCategory = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  name: z.string(),
  slug: z.string(),
  description: z.string().nullable(),
  position: z.number().int(),
  publishRole: z.enum(KB_PUBLISH_ROLES),
});
export type KbCategory = z.infer<typeof zKbCategory>;

export const zKbLink = z.object({ id: z.number().int(), slug: z.string(), title: z.string(), locale: z.string() });
export type KbLink = z.infer<typeof zKbLink>;

export const zKbStats = z.object({
  views: z.number().int(),
  helpful: z.number().int(),
  unhelpful: z.number().int(),
  deflections: z.number().int(),
});

/** An article as a reader sees it: rendered, sanitized HTML, and where it sits. */
export const zKbArticle = z.object({
  id: z.number().int(),
  slug: z.string(),
  title: z.string(),
  locale: z.string(),
  html: z.string(),
  tags: z.array(z.string()),
  category: zKbCategory,
  breadcrumbs: z.array(z.object({ name: z.string(), slug: z.string() })),
  translations: z.array(zKbLink),
  related: z.array(zKbLink),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type KbArticle = z.infer<typeof zKbArticle>;

/** An article as its editors see it: the Markdown, the state, the counters. */
export const zKbEditableArticle = z.object({
  id: z.number().int(),
  slug: z.string(),
  title: z.string(),
  locale: z.string(),
  bodyMd: z.string(),
  html: z.string(),
  tags: z.array(z.string()),
  categoryId: z.number().int(),
  visibility: z.enum(KB_VISIBILITIES),
  companyId: z.number().int().nullable(),
  state: z.enum(KB_STATES),
  publishAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  translationOf: z.number().int().nullable(),
  version: z.number().int(),
  stats: zKbStats,
  updatedAt: z.string(),
});
export type KbEditableArticle = z.infer<typeof zKbEditableArticle>;

export const zKbListInput = z.object({
  state: z.enum(KB_STATES).optional(),
  categoryId: zKbCategoryId.optional(),
  q: z.string().trim().max(200).optional(),
  /** Every language version of this article: the original and its translations. */
  translationsOf: zKbArticleId.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const zKbListItem = zKbEditableArticle.omit({ bodyMd: true, html: true });
export type KbListItem = z.infer<typeof zKbListItem>;

export const zKbSearchInput = z.object({
  q: z.string().trim().min(1, { error: 'is required' }).max(200, { error: 'must be at most 200 characters' }),
  locale: zKbLocale.optional(),
  categoryId: zKbCategoryId.optional(),
  tag: zTag.optional(),
  sort: z.enum(KB_SORTS).default('relevance'),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  offset: z.coerce.number().int().min(0).max(1000).default(0),
});
export type KbSearchInput = z.input<typeof zKbSearchInput>;

export const zKbSearchHit = zKbLink.extend({
  /** An excerpt with the matched words in <mark>; everything else escaped. */
  snippetHtml: z.string(),
  categoryId: z.number().int(),
  tags: z.array(z.string()),
  score: z.number(),
  views: z.number().int(),
  publishedAt: z.string().nullable(),
});
export type KbSearchHit = z.infer<typeof zKbSearchHit>;

export const zKbSearchResult = z.object({
  items: z.array(zKbSearchHit),
  /** A nearby query that does find something, offered when this one found nothing. */
  didYouMean: z.string().nullable(),
});
export type KbSearchResult = z.infer<typeof zKbSearchResult>;

export const zKbSuggestInput = z.object({ q: z.string().trim().min(1).max(100), locale: zKbLocale.optional() });

export const zKbCategoryPage = z.object({
  category: zKbCategory,
  breadcrumbs: z.array(z.object({ name: z.string(), slug: z.string() })),
  children: z.array(zKbCategory),
  articles: z.array(zKbLink),
});

export const zKbRateInput = z.object({
  id: zKbArticleId,
  helpful: z.coerce.boolean(),
  comment: z.string().trim().max(2000, { error: 'must be at most 2000 characters' }).optional(),
});

export const zKbDeflectInput = z.object({
  articleId: zKbArticleId,
  /** What the customer had typed as the ticket's subject/description. */
  query: z.string().trim().max(500).default(''),
});

export const zKbVersion = z.object({
  number: z.number().int(),
  title: z.string(),
  authorId: z.number().int().nullable(),
  authorName: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type KbVersion = z.infer<typeof zKbVersion>;

export const zKbDiffInput = z.object({ id: zKbArticleId, from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() });
export const zKbDiffPart = z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() });
export const zKbDiff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  title: z.array(zKbDiffPart),
  body: z.array(zKbDiffPart),
  tags: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }),
});
export type KbDiff = z.infer<typeof zKbDiff>;

export const zKbRestoreInput = z.object({ id: zKbArticleId, number: z.coerce.number().int().positive(), version: z.coerce.number().int().positive() });

/** A search that found nothing: how often (one per reader and day) over the period, on how many days. */
export const zKbSearchMiss = z.object({ query: z.string(), locale: z.string(), count: z.number().int(), days: z.number().int(), lastAt: z.string() });
export type KbSearchMiss = z.infer<typeof zKbSearchMiss>;

const zDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date as YYYY-MM-DD' });
/** The period of the search-miss report, whole UTC days; by default the last 30 days up to today. */
export const zKbSearchMissesInput = z
  .object({ from: zDay.optional(), to: zDay.optional(), limit: z.coerce.number().int().min(1).max(500).default(100) })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { error: 'must not be after "to"', path: ['from'] });


/** A reader's rating of an article, as its authors see it (the name only if the reader was signed in). */
export const zKbRating = z.object({
  id: z.number().int(),
  helpful: z.boolean(),
  comment: z.string().nullable(),
  readerName: z.string().nullable(),
  createdAt: z.string(),
});
export const zKbRatings = z.object({ stats: zKbStats, items: z.array(zKbRating) });
export type KbRatings = z.infer<typeof zKbRatings>;
export const zKbRatingsInput = z.object({ id: zKbArticleId, limit: z.coerce.number().int().min(1).max(200).default(50) });

/** The children of one parent (null: the top level), every one of them, in their new order. */
export const zKbReorderCategoriesInput = z.object({
  parentId: zKbCategoryId.nullable().default(null),
  ids: z.array(zKbCategoryId).min(1, { error: 'must list the categories' }).max(500),
});
