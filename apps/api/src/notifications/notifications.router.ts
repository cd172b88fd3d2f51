import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { zOutboxListInput, zOutboxPage } from '@switchboard/contracts';
import { requireAbility, router } from '../trpc/trpc.js';
import { ListOutboundMessagesQuery } from './queries/list-outbound-messages/list-outbound-messages.query.js';

@Injectable()
export class NotificationsRouter {
  constructor(private readonly queries: QueryBus) {}

  build() {
    return router({
      list: requireAbility('read', 'OutboundMessage')
        .meta({ openapi: { method: 'GET', path: '/outbox', tags: ['outbox'], protect: true, summary: 'What the system sent or would have sent' } })
        .input(zOutboxListInput)
        .output(zOutboxPage)
        .query(({ ctx, input }) =>
          this.queries.execute(new ListOutboundMessagesQuery(ctx.actor, input.page, input.pageSize)),
        ),
    });
  }
}
