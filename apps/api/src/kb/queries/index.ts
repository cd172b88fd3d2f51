import { ArticleRatingsHandler } from './article-ratings/article-ratings.handler.js';
import { ListLocalesHandler } from './list-locales/list-locales.handler.js';
import { ArticleHistoryHandler } from './article-history/article-history.handler.js';
import { DiffVersionsHandler } from './diff-versions/diff-versions.handler.js';
import { GetArticleHandler } from './get-article/get-article.handler.js';
import { GetCategoryPageHandler } from './get-category-page/get-category-page.handler.js';
import { GetEditableArticleHandler } from './get-editable-article/get-editable-article.handler.js';
import { ListArticlesHandler } from './list-articles/list-articles.handler.js';
import { ListCategoriesHandler } from './list-categories/list-categories.handler.js';
import { ListSearchMissesHandler } from './list-search-misses/list-search-misses.handler.js';
import { SearchArticlesHandler } from './search-articles/search-articles.handler.js';
import { SitemapHandler } from './sitemap/sitemap.handler.js';
import { SuggestTitlesHandler } from './suggest-titles/suggest-titles.handler.js';

export const KbQueryHandlers = [
  SearchArticlesHandler,
  SuggestTitlesHandler,
  GetArticleHandler,
  GetCategoryPageHandler,
  ListCategoriesHandler,
  SitemapHandler,
  ListArticlesHandler,
  GetEditableArticleHandler,
  ArticleHistoryHandler,
  DiffVersionsHandler,
  ListSearchMissesHandler,
  ArticleRatingsHandler,
  ListLocalesHandler,
];
