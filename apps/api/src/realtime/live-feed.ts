import { compareEventIds } from './event-id.js';
import type { EventLog, LoggedEvent } from './event-log.js';
import type { RealtimeHub } from './realtime-hub.js';
import { mappedTopicFeed, SubscriberTooSlowError, MAX_PENDING } from './topic-feed.js';

/** The method live-sse.ts looks for to drive a subscription by callbacks instead of `for await`. */
export const PUSH = Symbol.for('switchboard.live.push');

/**
 * Receives each value of a pushed feed, synchronously, in the hub's dispatch loop. Returns false when
 * the subscriber cannot take more (its socket is backed up): the feed then ends with SubscriberTooSlowError.
 */
export type Emit<R> = (value: R) => boolean;

export interface PushableFeed<R> extends AsyncIterable<R> {
  /** Delivers every value through `emit`; resolves when the feed ends (abort, shutdown), rejects when it breaks. */
  [PUSH](emit: Emit<R>): Promise<void>;
}

export function isPushable(value: unknown): value is PushableFeed<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as Record<symbol, unknown>)[PUSH] === 'function';
}

/**
 * mappedTopicFeed with a second way to consume it. Iterated (tRPC's stock SSE or WebSocket
 * adapter, tests), it is the same async generator. Pushed (live-sse.ts), each event goes from the
 * hub's dispatch straight to `emit` with no generator, promise or microtask per subscriber: the
 * per-subscriber cost of an event is the map (an access decision, usually a cache hit) and one
 * socket write. Same guarantees: listens first, replays the stream after `lastEventId`, then live
 * events, skipping ids already delivered.
 */
export function liveTopicFeed<T, R>(
  hub: RealtimeHub,
  log: EventLog,
  topic: string,
  lastEventId: string | null | undefined,
  signal: AbortSignal | undefined,
  map: (event: LoggedEvent<T>) => R | null,
): PushableFeed<R> {
  return {
    [Symbol.asyncIterator]: () => mappedTopicFeed<T, R>(hub, log, topic, lastEventId, signal, map)[Symbol.asyncIterator](),
    [PUSH]: (emit) => pushTopicFeed(hub, log, topic, lastEventId, signal, map, emit),
  };
}

async function pushTopicFeed<T, R>(
  hub: RealtimeHub,
  log: EventLog,
  topic: string,
  lastEventId: string | null | undefined,
  signal: AbortSignal | undefined,
  map: (event: LoggedEvent<T>) => R | null,
  emit: Emit<R>,
): Promise<void> {
  let last: string | null = lastEventId ?? null;
  let live = false;
  let early: LoggedEvent[] = [];
  let settle!: (error?: Error) => void;
  const ended = new Promise<void>((resolve, reject) => {
    settle = (error) => (error ? reject(error) : resolve());
  });
  let over = false;
  const finish = (error?: Error) => {
    if (over) return;
    over = true;
    settle(error);
  };
  const deliver = (event: LoggedEvent) => {
    if (over) return;
    // Signals (presence, typing) have no id and are never stored: always passed on.
    if (event.id) {
      if (last && compareEventIds(event.id, last) <= 0) return;
      last = event.id;
    }
    const mapped = map(event as LoggedEvent<T>);
    if (mapped !== null && !emit(mapped)) finish(new SubscriberTooSlowError(`subscriber of ${topic} is not reading`));
  };
  const stop = await hub.listen(
    topic,
    (event) => {
      if (live) deliver(event);
      else if (early.length >= MAX_PENDING) finish(new SubscriberTooSlowError(`subscriber of ${topic} fell more than ${MAX_PENDING} events behind`));
      else early.push(event);
    },
    () => finish(),
  );
  const onAbort = () => finish();
  if (signal?.aborted) finish();
  signal?.addEventListener('abort', onAbort);
  try {
    if (lastEventId) {
      let cursor: string = lastEventId;
      for (;;) {
        const backlog: Array<LoggedEvent<T>> = await log.readAfter<T>(topic, cursor, 500);
        for (const event of backlog) {
          if (over) break;
          cursor = event.id;
          deliver(event);
        }
        if (over || backlog.length < 500) break;
      }
    }
    for (const event of early) deliver(event);
    early = [];
    live = true;
    await ended;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    stop();
  }
}
