import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { zCatalog, zIssueType, zNamed, zSaveIssueTypeInput, zSaveNamedInput } from '@switchboard/contracts';
import { z } from 'zod';
import { requireAbility, router } from '../trpc/trpc.js';
import { SaveIssueTypeCommand } from './commands/save-issue-type/save-issue-type.command.js';
import { SaveNamedCommand } from './commands/save-named/save-named.command.js';
import { GetCatalogQuery } from './queries/get-catalog/get-catalog.query.js';

const tags = ['catalog'];

@Injectable()
export class CatalogRouter {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  build() {
    return router({
      get: requireAbility('read', 'Catalog')
        .meta({ openapi: { method: 'GET', path: '/catalog', tags, protect: true, summary: 'Issue types with their fields, categories, teams, tags and agents' } })
        .input(z.object({}).optional())
        .output(zCatalog)
        .query(({ ctx }) => this.queries.execute(new GetCatalogQuery(ctx.actor))),
      saveIssueType: requireAbility('manage', 'Catalog')
        .meta({ openapi: { method: 'POST', path: '/catalog/issue-types', tags, protect: true, summary: 'Create or update an issue type (admins)' } })
        .input(zSaveIssueTypeInput)
        .output(zIssueType)
        .mutation(({ ctx, input }) => this.commands.execute(new SaveIssueTypeCommand(ctx.actor, input as never))),
      saveCategory: requireAbility('manage', 'Catalog')
        .meta({ openapi: { method: 'POST', path: '/catalog/categories', tags, protect: true, summary: 'Create or rename a category (admins)' } })
        .input(zSaveNamedInput)
        .output(zNamed)
        .mutation(({ ctx, input }) => this.commands.execute(new SaveNamedCommand(ctx.actor, 'category', input))),
      saveTeam: requireAbility('manage', 'Catalog')
        .meta({ openapi: { method: 'POST', path: '/catalog/teams', tags, protect: true, summary: 'Create or rename a team (admins)' } })
        .input(zSaveNamedInput)
        .output(zNamed)
        .mutation(({ ctx, input }) => this.commands.execute(new SaveNamedCommand(ctx.actor, 'team', input))),
    });
  }
}
