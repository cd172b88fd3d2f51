import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { KbArticle } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import { sanitizeArticleHtml } from '../../content/markdown.js';
import { tagsOf } from '../../kb-article-row.js';
import { KbArticleRepository } from '../../kb-article.repository.js';
import { KbRelatedArticlesRepository } from '../../kb-related-articles.repository.js';
import { KbCategoryRepository, trail } from '../../kb-category.repository.js';
import { visibleArticlesSql } from '../../kb-visibility.js';
import { requireReadable } from '../../readable-article.js';
import { GetArticleQuery } from './get-article.query.js';

@QueryHandler(GetArticleQuery)
export class GetArticleHandler implements IQueryHandler<GetArticleQuery, KbArticle> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly articles: KbArticleRepository,
    private readonly related: KbRelatedArticlesRepository,
    private readonly categories: KbCategoryRepository,
  ) {}

  async execute({ reader, slug }: GetArticleQuery): Promise<KbArticle> {
    const row = requireReadable(reader, await this.articles.bySlug(slug), slug);
    const visibleSql = visibleArticlesSql(this.sequelize, reader.ability)!;
    const all = await this.categories.all();
    const path = trail(all, row.categoryId);
    const [translations, related] = await Promise.all([
      this.related.translations(row, visibleSql),
      this.related.related(row, visibleSql),
    ]);
    return {
      id: row.id,
      slug: row.slug,
      title: row.title,
      locale: row.locale,
      html: sanitizeArticleHtml(row.bodyHtml),
      tags: tagsOf(row),
      category: path[path.length - 1],
      breadcrumbs: path.map((c) => ({ name: c.name, slug: c.slug })),
      translations: translations.map((t) => ({ id: t.id, slug: t.slug, title: t.title, locale: t.locale })),
      related: related.map((t) => ({ id: t.id, slug: t.slug, title: t.title, locale: t.locale })),
      publishedAt: row.publishedAt?.toISOString() ?? null,
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}
