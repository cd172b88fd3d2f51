import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  zFailedWorkActionResult,
  zFailedWorkCounts,
  zFailedWorkId,
  zFailedWorkListInput,
  zFailedWorkPage,
  zFailedWorkTopicInput,
  zFailedWorkTopicResult,
} from '@switchboard/contracts';
import { z } from 'zod';
import { requireAbility, router } from '../trpc/trpc.js';
import { DismissFailedWorkCommand } from './commands/dismiss-failed-work/dismiss-failed-work.command.js';
import { RetryFailedTopicCommand } from './commands/retry-failed-topic/retry-failed-topic.command.js';
import { RetryFailedWorkCommand } from './commands/retry-failed-work/retry-failed-work.command.js';
import { CountFailedWorkQuery } from './queries/count-failed-work/count-failed-work.query.js';
import { ListFailedWorkQuery } from './queries/list-failed-work/list-failed-work.query.js';

const tags = ['failed-work'];

@Injectable()
export class FailedWorkRouter {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  build() {
    return router({
      list: requireAbility('read', 'FailedWork')
        .meta({ openapi: { method: 'GET', path: '/failed-work', tags, protect: true, summary: 'Background jobs that gave up after their last attempt, newest first (admins)' } })
        .input(zFailedWorkListInput)
        .output(zFailedWorkPage)
        .query(({ ctx, input }) => this.queries.execute(new ListFailedWorkQuery(ctx.actor, input.topic, input.cursor, input.limit))),
      counts: requireAbility('read', 'FailedWork')
        .meta({ openapi: { method: 'GET', path: '/failed-work/counts', tags, protect: true, summary: 'How many background jobs failed, per topic (admins)' } })
        .input(z.object({}).optional())
        .output(zFailedWorkCounts)
        .query(({ ctx }) => this.queries.execute(new CountFailedWorkQuery(ctx.actor))),
      retry: requireAbility('update', 'FailedWork')
        .meta({ openapi: { method: 'POST', path: '/failed-work/{id}/retry', tags, protect: true, summary: 'Run a failed background job again (attempts reset); a job not failed is left alone and the answer says so' } })
        .input(zFailedWorkId)
        .output(zFailedWorkActionResult)
        .mutation(({ ctx, input }) => this.commands.execute(new RetryFailedWorkCommand(ctx.actor, input.id))),
      retryTopic: requireAbility('update', 'FailedWork')
        .meta({ openapi: { method: 'POST', path: '/failed-work/retry-topic', tags, protect: true, summary: 'Run every failed background job of one topic again' } })
        .input(zFailedWorkTopicInput)
        .output(zFailedWorkTopicResult)
        .mutation(({ ctx, input }) => this.commands.execute(new RetryFailedTopicCommand(ctx.actor, input.topic))),
      dismiss: requireAbility('update', 'FailedWork')
        .meta({ openapi: { method: 'POST', path: '/failed-work/{id}/dismiss', tags, protect: true, summary: 'Set a failed background job aside: kept, no longer listed or counted' } })
        .input(zFailedWorkId)
        .output(zFailedWorkActionResult)
        .mutation(({ ctx, input }) => this.commands.execute(new DismissFailedWorkCommand(ctx.actor, input.id))),
    });
  }
}
