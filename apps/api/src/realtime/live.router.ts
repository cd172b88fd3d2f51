import { subject } from '@casl/ability';
import { Injectable } from '@nestjs/common';
import { TRPCError, tracked, type TrackedEnvelope } from '@trpc/server';
import {
  agentChatList,
  zHeartbeatInput,
  zLiveChatsInput,
  zLiveNotificationsInput,
  zLivePresenceInput,
  zLiveQueueInput,
  zLiveTicketInput,
  zReadReceipt,
  zReceiptsInput,
  zSeenInput,
  type LiveNotificationCount,
  type LiveTicketEvent,
  type PresenceEntry,
} from '@switchboard/contracts';
import { z } from 'zod';
import type { AppAbility } from '../access/app-ability.js';
import { InboxRepository } from '../inbox/inbox.repository.js';
import type { InboxSignal } from '../inbox/notification-feed.service.js';
import { InputError } from '../trpc/error-mapper.js';
import { requireAbility, router } from '../trpc/trpc.js';
import { EventLog } from './event-log.js';
import type { StoredChatEvent } from '../chat/chat-live.js';
import { ChatLists } from './chat-lists.js';
import { canReadTicket, visibleChatEventCached, visibleEventCached, type StoredTicketEvent } from './live-access.js';
import { liveTopicFeed } from './live-feed.js';
import { PresenceService } from './presence.service.js';
import { ReadReceiptsRepository } from './read-receipts.repository.js';
import { RealtimeHub } from './realtime-hub.js';
import { TicketFactsReader } from './ticket-facts.reader.js';
import { topicFeed } from './topic-feed.js';
import { topics } from './topics.js';

/** The subscriptions served by live-sse.ts (tRPC paths). */
export const LIVE_SUBSCRIPTIONS: ReadonlySet<string> = new Set(['live.ticket', 'live.queue', 'live.notifications', 'live.presence', 'live.chats']);

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
    private readonly receipts: ReadReceiptsRepository,
    private readonly chatLists: ChatLists,
  ) {}

  build() {
    const { hub, log } = this;
    const self = this;
    return router({
      ticket: requireAbility('read', 'Ticket')
        .input(zLiveTicketInput)
        .subscription(async ({ ctx, input, signal }) => {
          await self.requireTicket(ctx.actor.ability, input.ticketId);
          return self.ticketEvents(ctx.actor.ability, topics.ticket(input.ticketId), input.lastEventId, signal);
        }),
      queue: requireAbility('read', 'Ticket')
        .input(zLiveQueueInput)
        .subscription(async ({ ctx, input, signal }) => self.ticketEvents(ctx.actor.ability, topics.queue(), input?.lastEventId, signal)),
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
      // Read receipts: the pages say how far the reader has seen the timeline; staff see who read what.
      seen: requireAbility('read', 'Ticket')
        .input(zSeenInput)
        .output(z.object({ advanced: z.boolean() }))
        .mutation(async ({ ctx, input }) => {
          const facts = await self.requireTicket(ctx.actor.ability, input.ticketId);
          const visibility = await self.receipts.entryVisibility(input.ticketId, input.entryId);
          const readable =
            visibility !== null && ctx.actor.ability.can('read', subject('TicketEntry', { ticketId: input.ticketId, visibility, kind: 'reply' }) as never);
          // An entry one may not read looks exactly like one that is not on the ticket.
          if (!readable) {
            const message = `entry ${input.entryId} is not on ticket #${input.ticketId}`;
            throw new TRPCError({ code: 'BAD_REQUEST', message: `entryId: ${message}`, cause: new InputError(`entryId: ${message}`, { entryId: message }) });
          }
          const advanced = await self.receipts.advance(input.ticketId, ctx.actor.user.id, input.entryId);
          if (advanced) {
            const seen: StoredTicketEvent = {
              type: 'entry.seen',
              ticketId: input.ticketId,
              entryId: input.entryId,
              actorId: ctx.actor.user.id,
              at: new Date().toISOString(),
              access: facts,
            };
            await log.append(topics.ticket(input.ticketId), seen);
          }
          return { advanced };
        }),
      receipts: requireAbility('comment', 'Ticket')
        .input(zReceiptsInput)
        .output(z.array(zReadReceipt))
        .query(async ({ ctx, input }) => {
          await self.requireTicket(ctx.actor.ability, input.ticketId);
          return self.receipts.list(input.ticketId);
        }),
      // The agent's chats (queue with places, offered to them, transferred to them, theirs): at once, then
      // after every change of any chat they may see. Tracked by the chats topic's ids, so a reconnect resumes.
      chats: requireAbility('read', 'ChatSession')
        .input(zLiveChatsInput)
        .subscription(async function* ({ ctx, input, signal }) {
          const { actor } = ctx;
          const feed = topicFeed<StoredChatEvent>(hub, log, topics.chats(), input?.lastEventId, signal);
          const first = feed.next();
          yield agentChatList(await self.chatLists.open(actor, null), actor.user.id);
          for (let step = await first; !step.done; step = await feed.next()) {
            const { id, event } = step.value;
            if (!visibleChatEventCached(actor.ability, event)) continue;
            yield tracked(id, agentChatList(await self.chatLists.open(actor, id), actor.user.id, event.chatId));
          }
        }),
    });
  }

  /**
   * Ticket events of a topic as this subscriber may see them. Pushed by live-sse.ts (no generator per
   * subscriber), iterable for any other adapter; the access decision is cached per ability class.
   */
  private ticketEvents(ability: AppAbility, topic: string, lastEventId: string | null | undefined, signal: AbortSignal | undefined) {
    return liveTopicFeed<StoredTicketEvent, TrackedEnvelope<LiveTicketEvent>>(this.hub, this.log, topic, lastEventId, signal, ({ id, event }) => {
      const visible = visibleEventCached(ability, event);
      return visible ? tracked(id, visible) : null;
    });
  }

  private async requireTicket(ability: AppAbility, ticketId: number) {
    const facts = await this.facts.read(ticketId);
    // Someone else's ticket looks exactly like a missing one.
    if (!facts || !canReadTicket(ability, facts)) throw new TRPCError({ code: 'NOT_FOUND', message: `Ticket #${ticketId} not found` });
    return facts;
  }
}
