import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  zKbArticle,
  zKbArticleInput,
  zKbCategory,
  zKbCategoryInput,
  zKbCategoryPage,
  zKbDeflectInput,
  zKbDiff,
  zKbDiffInput,
  zKbEditableArticle,
  zKbLink,
  zKbListInput,
  zKbListItem,
  zKbLocale,
  zKbRateInput,
  zKbRestoreInput,
  zKbSearchInput,
  zKbSearchMiss,
  zKbSearchMissesInput,
  zKbRatings,
  zKbLocales,
  zKbReorderCategoriesInput,
  zKbRatingsInput,
  zKbSearchResult,
  zKbSetStateInput,
  zKbSuggestInput,
  zKbUpdateArticleInput,
  zKbVersion,
  zKbArticleId,
  zKbCategoryId,
  zTicketId,
} from '@switchboard/contracts';
import { z } from 'zod';
import { publicProcedure, requireAbility, router } from '../trpc/trpc.js';
import { CreateArticleCommand } from './commands/create-article/create-article.command.js';
import { DeflectCommand } from './commands/deflect/deflect.command.js';
import { DraftFromTicketCommand } from './commands/draft-from-ticket/draft-from-ticket.command.js';
import { RateArticleCommand } from './commands/rate-article/rate-article.command.js';
import { RecordViewCommand } from './commands/record-view/record-view.command.js';
import { RestoreVersionCommand } from './commands/restore-version/restore-version.command.js';
import { ReorderCategoriesCommand } from './commands/reorder-categories/reorder-categories.command.js';
import { SaveCategoryCommand } from './commands/save-category/save-category.command.js';
import { SetArticleStateCommand } from './commands/set-article-state/set-article-state.command.js';
import { UpdateArticleCommand } from './commands/update-article/update-article.command.js';
import { readerOf } from './kb-reader.js';
import { ArticleRatingsQuery } from './queries/article-ratings/article-ratings.query.js';
import { ArticleHistoryQuery } from './queries/article-history/article-history.query.js';
import { DiffVersionsQuery } from './queries/diff-versions/diff-versions.query.js';
import { GetArticleQuery } from './queries/get-article/get-article.query.js';
import { GetCategoryPageQuery } from './queries/get-category-page/get-category-page.query.js';
import { GetEditableArticleQuery } from './queries/get-editable-article/get-editable-article.query.js';
import { ListArticlesQuery } from './queries/list-articles/list-articles.query.js';
import { ListCategoriesQuery } from './queries/list-categories/list-categories.query.js';
import { ListLocalesQuery } from './queries/list-locales/list-locales.query.js';
import { ListSearchMissesQuery } from './queries/list-search-misses/list-search-misses.query.js';
import { SearchArticlesQuery } from './queries/search-articles/search-articles.query.js';
import { SitemapQuery } from './queries/sitemap/sitemap.query.js';
import { SuggestTitlesQuery } from './queries/suggest-titles/suggest-titles.query.js';

const zOk = z.object({ ok: z.literal(true) });
const tags = ['knowledge base'];


/**
 * The knowledge base. Reading procedures are public: a visitor who is not signed in reads with the
 * anonymous ability (kb.abilities.ts), a signed-in one with theirs, and visibility is applied in SQL.
 * Writing procedures are for staff.
 */
@Injectable()
export class KbRouter {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  build() {
    return router({
      search: publicProcedure
        .meta({ openapi: { method: 'GET', path: '/kb/search', tags, summary: 'Search the published articles you may read (signed in or not)' } })
        .input(zKbSearchInput.extend({ deflection: z.boolean().default(false) }))
        .output(zKbSearchResult)
        .query(({ ctx, input }) =>
          this.queries.execute(new SearchArticlesQuery(readerOf(ctx.actor), input, input.deflection, ctx.actor ? `user:${ctx.actor.user.id}` : `ip:${ctx.ip ?? 'unknown'}`)),
        ),
      suggest: publicProcedure
        .input(zKbSuggestInput)
        .output(z.array(zKbLink))
        .query(({ ctx, input }) => this.queries.execute(new SuggestTitlesQuery(readerOf(ctx.actor), input.q, input.locale))),
      article: publicProcedure
        .meta({ openapi: { method: 'GET', path: '/kb/articles/{slug}', tags, summary: 'One article by its slug, rendered, with breadcrumbs, translations and related articles' } })
        .input(z.object({ slug: z.string().trim().min(1).max(220) }))
        .output(zKbArticle)
        .query(({ ctx, input }) => this.queries.execute(new GetArticleQuery(readerOf(ctx.actor), input.slug))),
      categories: publicProcedure
        .meta({ openapi: { method: 'GET', path: '/kb/categories', tags, summary: 'The category tree, flat' } })
        .output(z.array(zKbCategory))
        .query(({ ctx }) => this.queries.execute(new ListCategoriesQuery(readerOf(ctx.actor)))),
      category: publicProcedure
        .input(z.object({ slug: z.string().trim().min(1).max(140), locale: zKbLocale.optional() }))
        .output(zKbCategoryPage)
        .query(({ ctx, input }) => this.queries.execute(new GetCategoryPageQuery(readerOf(ctx.actor), input.slug, input.locale))),
      locales: publicProcedure
        .output(zKbLocales)
        .query(() => this.queries.execute(new ListLocalesQuery())),
      sitemap: publicProcedure
        .output(z.array(z.object({ slug: z.string(), updatedAt: z.string() })))
        .query(() => this.queries.execute(new SitemapQuery())),
      recordView: publicProcedure
        .input(z.object({ id: zKbArticleId }))
        .output(zOk)
        .mutation(({ ctx, input }) => this.commands.execute(new RecordViewCommand(readerOf(ctx.actor), input.id))),
      rate: publicProcedure
        .input(zKbRateInput)
        .output(zOk)
        .mutation(({ ctx, input }) =>
          this.commands.execute(new RateArticleCommand(readerOf(ctx.actor), input.id, input.helpful, input.comment)),
        ),
      deflect: publicProcedure
        .input(zKbDeflectInput)
        .output(zOk.extend({ slug: z.string() }))
        .mutation(({ ctx, input }) => this.commands.execute(new DeflectCommand(readerOf(ctx.actor), input.articleId, input.query))),

      list: requireAbility('update', 'KbArticle')
        .input(zKbListInput)
        .output(z.array(zKbListItem))
        .query(({ ctx, input }) => this.queries.execute(new ListArticlesQuery(ctx.actor, input))),
      get: requireAbility('update', 'KbArticle')
        .input(z.object({ id: zKbArticleId }))
        .output(zKbEditableArticle)
        .query(({ ctx, input }) => this.queries.execute(new GetEditableArticleQuery(ctx.actor, input.id))),
      create: requireAbility('create', 'KbArticle')
        .meta({ openapi: { method: 'POST', path: '/kb/articles', tags, protect: true, summary: 'Write a new article (a draft) (staff)' } })
        .input(zKbArticleInput)
        .output(zKbEditableArticle)
        .mutation(({ ctx, input }) => this.commands.execute(new CreateArticleCommand(ctx.actor, input))),
      update: requireAbility('update', 'KbArticle')
        .meta({ openapi: { method: 'PATCH', path: '/kb/articles/by-id/{id}', tags, protect: true, summary: 'Save a new version of an article, at the version you read (staff)' } })
        .input(zKbUpdateArticleInput)
        .output(zKbEditableArticle)
        .mutation(({ ctx, input }) => this.commands.execute(new UpdateArticleCommand(ctx.actor, input))),
      setState: requireAbility('update', 'KbArticle')
        .meta({ openapi: { method: 'POST', path: '/kb/articles/by-id/{id}/state', tags, protect: true, summary: 'Publish, schedule, take back to draft or archive (staff who may publish in the category)' } })
        .input(zKbSetStateInput)
        .output(zKbEditableArticle)
        .mutation(({ ctx, input }) =>
          this.commands.execute(new SetArticleStateCommand(ctx.actor, input.id, input.version, input.state, input.publishAt)),
        ),
      history: requireAbility('update', 'KbArticle')
        .input(z.object({ id: zKbArticleId }))
        .output(z.array(zKbVersion))
        .query(({ ctx, input }) => this.queries.execute(new ArticleHistoryQuery(ctx.actor, input.id))),
      ratings: requireAbility('update', 'KbArticle')
        .input(zKbRatingsInput)
        .output(zKbRatings)
        .query(({ ctx, input }) => this.queries.execute(new ArticleRatingsQuery(ctx.actor, input.id, input.limit))),
      diff: requireAbility('update', 'KbArticle')
        .input(zKbDiffInput)
        .output(zKbDiff)
        .query(({ ctx, input }) => this.queries.execute(new DiffVersionsQuery(ctx.actor, input.id, input.from, input.to))),
      restore: requireAbility('update', 'KbArticle')
        .input(zKbRestoreInput)
        .output(zKbEditableArticle)
        .mutation(({ ctx, input }) =>
          this.commands.execute(new RestoreVersionCommand(ctx.actor, input.id, input.number, input.version)),
        ),
      draftFromTicket: requireAbility('create', 'KbArticle')
        .input(z.object({ ticketId: zTicketId, categoryId: zKbCategoryId }))
        .output(zKbEditableArticle)
        .mutation(({ ctx, input }) => this.commands.execute(new DraftFromTicketCommand(ctx.actor, input.ticketId, input.categoryId))),
      saveCategory: requireAbility('create', 'KbCategory')
        .input(zKbCategoryInput)
        .output(zKbCategory)
        .mutation(({ ctx, input }) => this.commands.execute(new SaveCategoryCommand(ctx.actor, input))),
      reorderCategories: requireAbility('update', 'KbCategory')
        .input(zKbReorderCategoriesInput)
        .output(z.array(zKbCategory))
        .mutation(({ ctx, input }) => this.commands.execute(new ReorderCategoriesCommand(ctx.actor, input.parentId, input.ids))),
      searchMisses: requireAbility('read', 'KbSearchMiss')
        .input(zKbSearchMissesInput.optional())
        .output(z.array(zKbSearchMiss))
        .query(({ ctx, input }) => this.queries.execute(new ListSearchMissesQuery(ctx.actor, input ?? { limit: 100 }))),
    });
  }
}
