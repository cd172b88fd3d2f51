import { Injectable } from '@nestjs/common';
import { zInbox, zInboxListInput, zMarkReadInput } from '@switchboard/contracts';
import { z } from 'zod';
import { requireAbility, router } from '../trpc/trpc.js';
import { InboxRepository } from './inbox.repository.js';
import { NotificationFeed } from './notification-feed.service.js';

const tags = ['inbox'];

/** The signed-in user's in-app notifications (the bell). The live count is `live.notifications`. */
@Injectable()
export class InboxRouter {
  constructor(
    private readonly inbox: InboxRepository,
    private readonly feed: NotificationFeed,
  ) {}

  build() {
    return router({
      list: requireAbility('read', 'UserNotification')
        .meta({ openapi: { method: 'GET', path: '/inbox', tags, protect: true, summary: 'Your newest notifications and the unread count' } })
        .input(zInboxListInput)
        .output(zInbox)
        .query(async ({ ctx, input }) => {
          const [items, unread] = await Promise.all([
            this.inbox.latest(ctx.actor.user.id, input?.limit ?? 20),
            this.inbox.unread(ctx.actor.user.id),
          ]);
          return { unread, items };
        }),
      markRead: requireAbility('read', 'UserNotification')
        .meta({ openapi: { method: 'POST', path: '/inbox/read', tags, protect: true, summary: 'Mark notifications read: the given ids, or all' } })
        .input(zMarkReadInput)
        .output(z.object({ marked: z.number(), unread: z.number() }))
        .mutation(async ({ ctx, input }) => {
          const userId = ctx.actor.user.id;
          const marked = await this.inbox.markRead(userId, input.all ? 'all' : (input.ids ?? []));
          if (marked > 0) await this.feed.announceRead(userId);
          return { marked, unread: await this.inbox.unread(userId) };
        }),
    });
  }
}
