import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { KbLink, zKbCategoryPage } from '@switchboard/contracts';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import type { z } from 'zod';
import { KbCategoryRepository, trail } from '../../kb-category.repository.js';
import { KbErrors } from '../../kb.errors.js';
import { visibleArticlesSql } from '../../kb-visibility.js';
import { GetCategoryPageQuery } from './get-category-page.query.js';

@QueryHandler(GetCategoryPageQuery)
export class GetCategoryPageHandler implements IQueryHandler<GetCategoryPageQuery, z.infer<typeof zKbCategoryPage>> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly categories: KbCategoryRepository,
  ) {}

  async execute({ reader, slug, locale }: GetCategoryPageQuery) {
    const category = await this.categories.bySlug(slug);
    if (!category || reader.ability.cannot('read', 'KbCategory')) throw KbErrors.categoryNotFound(slug, 'slug');
    const visibleSql = visibleArticlesSql(this.sequelize, reader.ability);
    const articles = visibleSql
      ? await this.sequelize.query<KbLink>(
          `SELECT a.id, a.slug, a.title, a.locale FROM kb_articles a
           WHERE a.category_id = :id AND a.state = 'published' AND ${visibleSql} ${locale ? 'AND a.locale = :locale' : ''}
           ORDER BY a.view_count DESC, a.title LIMIT 200`,
          { replacements: { id: category.id, locale }, type: QueryTypes.SELECT },
        )
      : [];
    const all = await this.categories.all();
    return {
      category,
      breadcrumbs: trail(all, category.id).map((c) => ({ name: c.name, slug: c.slug })),
      children: all.filter((c) => c.parentId === category.id),
      articles,
    };
  }
}
