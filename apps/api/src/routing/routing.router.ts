import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { zRoutingRule, zSetRoutingRuleInput } from '@switchboard/contracts';
import { z } from 'zod';
import { requireAbility, router } from '../trpc/trpc.js';
import { SetRoutingRuleCommand } from './commands/set-routing-rule/set-routing-rule.command.js';
import { ListRoutingRulesQuery } from './queries/list-routing-rules/list-routing-rules.query.js';

const tags = ['routing'];

@Injectable()
export class RoutingRouter {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  build() {
    return router({
      rules: requireAbility('read', 'RoutingRule')
        .meta({ openapi: { method: 'GET', path: '/routing/rules', tags, protect: true, summary: 'The team and skill each category and issue type routes to' } })
        .input(z.object({}).optional())
        .output(z.array(zRoutingRule))
        .query(({ ctx }) => this.queries.execute(new ListRoutingRulesQuery(ctx.actor))),
      setRule: requireAbility('manage', 'RoutingRule')
        .meta({ openapi: { method: 'PUT', path: '/routing/rules', tags, protect: true, summary: 'Set the team and required skill of a category or issue type (managers and admins)' } })
        .input(zSetRoutingRuleInput)
        .output(zRoutingRule)
        .mutation(({ ctx, input }) => this.commands.execute(new SetRoutingRuleCommand(ctx.actor, input))),
    });
  }
}
