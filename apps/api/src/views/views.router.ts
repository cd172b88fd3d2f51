import { Injectable } from '@nestjs/common';
import { zOk, zSavedView, zSaveViewInput } from '@switchboard/contracts';
import { z } from 'zod';
import { requireAbility, router } from '../trpc/trpc.js';
import { ViewsService } from './views.service.js';

const tags = ['views'];

/** Saved views are simple reads and writes of one row: the router calls the service, no command bus. */
@Injectable()
export class ViewsRouter {
  constructor(private readonly views: ViewsService) {}

  build() {
    return router({
      list: requireAbility('read', 'SavedView')
        .meta({ openapi: { method: 'GET', path: '/views', tags, protect: true, summary: 'Your saved queue views and the shared ones' } })
        .input(z.object({}).optional())
        .output(z.array(zSavedView))
        .query(({ ctx }) => this.views.list(ctx.actor)),
      save: requireAbility('create', 'SavedView')
        .meta({ openapi: { method: 'POST', path: '/views', tags, protect: true, summary: 'Create or update a saved view' } })
        .input(zSaveViewInput)
        .output(zSavedView)
        .mutation(({ ctx, input }) => this.views.save(ctx.actor, input)),
      delete: requireAbility('create', 'SavedView')
        .meta({ openapi: { method: 'DELETE', path: '/views/{id}', tags, protect: true, summary: 'Delete one of your views' } })
        .input(z.object({ id: z.coerce.number().int().positive() }))
        .output(zOk)
        .mutation(({ ctx, input }) => this.views.remove(ctx.actor, input.id)),
    });
  }
}
