import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { KbCategory } from '@switchboard/contracts';
import { KbCategoryRepository } from '../../kb-category.repository.js';
import { ListCategoriesQuery } from './list-categories.query.js';

@QueryHandler(ListCategoriesQuery)
export class ListCategoriesHandler implements IQueryHandler<ListCategoriesQuery, KbCategory[]> {
  constructor(private readonly categories: KbCategoryRepository) {}

  async execute({ reader }: ListCategoriesQuery) {
    return reader.ability.can('read', 'KbCategory') ? this.categories.all() : [];
  }
}
