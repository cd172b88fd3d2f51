import { Injectable } from '@nestjs/common';
import { TRPCError, tracked, type TrackedEnvelope } from '@trpc/server';
import {
  zHeartbeatInput,
  zLiveNotificationsInput,
  zLivePresenceInput,
  zLiveQueueInput,
  zLiveTicketInput,
  type LiveNotificationCount,
  type LiveTicketEvent,
  type PresenceEntry,
} from '@switchboard/contracts';
import { z } from 'zod';
import type { AppAbility } from '../access/app-ability.js';
import { InboxRepository } from '../inbox/inbox.repository.js';
import type { InboxSignal } from '../inbox/notification-feed.service.js';
import { requireAbility, router } from '../trpc/trpc.js';
import { EventLog } from './event-log.js';
import { canReadTicket, visibleEvent, type StoredTicketEvent } from './live-access.js';
import { PresenceService } from './presence.service.js';
import { RealtimeHub } from './realtime-hub.js';
import { TicketFactsReader } from './ticket-facts.reader.js';
import { mappedTopicFeed, topicFeed } from './topic-feed.js';
import { topics } from './topics.js';

/** The subscriptions served by live-sse.ts (tRPC paths). */
export const LIVE_SUBSCRIPTIONS: ReadonlySet<string> = new Set(['live.ticket', 'live.queue', 'live.notifications', 'live.presence']);

/** Presence lists are re-read this often even without a signal, so a closed tab's entry expires on screen. */
const PRESENCE_REFRESH_MS = 5_000;

/**
 * Subscriptions over server-sent events (tRPC httpSubscriptionLink). Each event is checked against
 * the subscriber's ability before it is yielded; events are tracked by their stream id, so a client
 * that reconnects with lastEventId gets what it missed. Presence is a heartbeat mutation plus a
 * subscription that yields the current list whenever it changes.
 */
@Injectable()
export class LiveRouter {
  constructor(
    private readonly hub: RealtimeHub,
    private readonly log: EventLog,
    private readonly facts: TicketFactsReader,
    private readonly presence: PresenceService,
    private readonly inbox: InboxRepository,
  ) {}

  build() {
    const { hub, log } = this;
    const self = this;
    return router({
      ticket: requireAbility('read', 'Ticket')
        .input(zLiveTicketInput)
        .subscription(async function* ({ ctx, input, signal }) {
          await self.requireTicket(ctx.actor.ability, input.ticketId);
          const { ability } = ctx.actor;
          yield* mappedTopicFeed<StoredTicketEvent, TrackedEnvelope<LiveTicketEvent>>(
            hub,
            log,
            topics.ticket(input.ticketId),
            input.lastEventId,
            signal,
            ({ id, event }) => {
              const visible = visibleEvent(ability, event);
              return visible ? tracked(id, visible) : null;
            },
          );
        }),
      queue: requireAbility('read', 'Ticket')
        .input(zLiveQueueInput)
        .subscription(async function* ({ ctx, input, signal }) {
          const { ability } = ctx.actor;
          yield* mappedTopicFeed<StoredTicketEvent, TrackedEnvelope<LiveTicketEvent>>(
            hub,
            log,
            topics.queue(),
            input?.lastEventId,
            signal,
            ({ id, event }) => {
              const visible = visibleEvent(ability, event);
              return visible ? tracked(id, visible) : null;
            },
          );
        }),
      notifications: requireAbility('read', 'UserNotification')
        .input(zLiveNotificationsInput)
        .subscription(async function* ({ ctx, input, signal }) {
          const userId = ctx.actor.user.id;
          const feed = topicFeed<InboxSignal>(hub, log, topics.user(userId), input?.lastEventId, signal);
          // The count is state: a (re)connecting client gets it at once, then each change.
          const first = feed.next();
          const now: LiveNotificationCount = { unread: await self.inbox.unread(userId), latestId: null };
          yield now;
          for (let step = await first; !step.done; step = await feed.next()) {
            const { id, event } = step.value;
            const update: LiveNotificationCount = { unread: await self.inbox.unread(userId), latestId: event.notificationId || null };
            yield tracked(id, update);
          }
        }),
      presence: requireAbility('read', 'Ticket')
        .input(zLivePresenceInput)
        .subscription(async function* ({ ctx, input, signal }) {
          await self.requireTicket(ctx.actor.ability, input.ticketId);
          const staff = ctx.actor.ability.can('comment', 'Ticket');
          // A customer only learns that Support is writing them a reply: not who, not who is looking or noting
          // (the portal shows staff as "Support" everywhere).
          const visible = (list: PresenceEntry[]): PresenceEntry[] =>
            staff ? list : list.some((p) => p.state === 'replying') ? [{ userId: 0, name: 'Support', state: 'replying' }] : [];
          const changes = topicFeed<unknown>(hub, log, topics.presence(input.ticketId), null, signal);
          let last = '';
          let next = changes.next();
          while (!signal?.aborted) {
            const list = visible(await self.presence.list(input.ticketId));
            const key = JSON.stringify(list);
            if (key !== last) {
              last = key;
              yield list;
            }
            const timer = new Promise<'tick'>((resolve) => setTimeout(resolve, PRESENCE_REFRESH_MS, 'tick').unref());
            const step = await Promise.race([next, timer]);
            if (step !== 'tick') {
              if (step.done) return;
              next = changes.next();
            }
          }
        }),
      heartbeat: requireAbility('comment', 'Ticket')
        .input(zHeartbeatInput)
        .output(z.object({ ok: z.literal(true) }))
        .mutation(async ({ ctx, input }) => {
          await self.requireTicket(ctx.actor.ability, input.ticketId);
          await self.presence.beat(ctx.actor.user, input.ticketId, input.state);
          return { ok: true as const };
        }),
    });
  }

  private async requireTicket(ability: AppAbility, ticketId: number) {
    const facts = await this.facts.read(ticketId);
    // Someone else's ticket looks exactly like a missing one.
    if (!facts || !canReadTicket(ability, facts)) throw new TRPCError({ code: 'NOT_FOUND', message: `Ticket #${ticketId} not found` });
  }
}
