import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { KB_DEFAULT_LOCALE, type KbLocales } from '@switchboard/contracts';
import { KbArticleRepository } from '../../kb-article.repository.js';
import { ListLocalesQuery } from './list-locales.query.js';

@QueryHandler(ListLocalesQuery)
export class ListLocalesHandler implements IQueryHandler<ListLocalesQuery, KbLocales> {
  constructor(private readonly articles: KbArticleRepository) {}

  async execute(): Promise<KbLocales> {
    const locales = await this.articles.publishedLocales();
    return { default: KB_DEFAULT_LOCALE, locales: locales.includes(KB_DEFAULT_LOCALE) ? locales : [KB_DEFAULT_LOCALE, ...locales].sort() };
  }
}
