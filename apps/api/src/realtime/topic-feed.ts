import { compareEventIds } from './event-id.js';
import type { EventLog, LoggedEvent } from './event-log.js';
import type { RealtimeHub } from './realtime-hub.js';

/** A subscriber further behind than this is cut off; its client reconnects and resumes from the stream. */
export const MAX_PENDING = 2000;

export class SubscriberTooSlowError extends Error {}

/**
 * The events of one topic for one subscriber, with no gap and no repeat: it starts listening to the
 * fan-out first, then reads what the stream holds after `lastEventId`, then yields live events,
 * skipping any it has already yielded (an event can arrive both ways). Ends when `signal` aborts.
 */
export function topicFeed<T>(
  hub: RealtimeHub,
  log: EventLog,
  topic: string,
  lastEventId: string | null | undefined,
  signal: AbortSignal | undefined,
): AsyncGenerator<LoggedEvent<T>> {
  return mappedTopicFeed<T, LoggedEvent<T>>(hub, log, topic, lastEventId, signal, (event) => event);
}

/**
 * topicFeed with a per-subscriber map (an access check, tracked()) applied inside the one generator:
 * a value mapped to null is skipped. One async generator per subscriber instead of two on the hot path.
 */
export async function* mappedTopicFeed<T, R>(
  hub: RealtimeHub,
  log: EventLog,
  topic: string,
  lastEventId: string | null | undefined,
  signal: AbortSignal | undefined,
  map: (event: LoggedEvent<T>) => R | null,
): AsyncGenerator<R> {
  const pending: LoggedEvent[] = [];
  let wake: (() => void) | null = null;
  let overflow = false;
  let closed = false;
  const stop = await hub.listen(
    topic,
    (event) => {
      if (pending.length >= MAX_PENDING) overflow = true;
      else pending.push(event);
      wake?.();
    },
    () => {
      closed = true;
      wake?.();
    },
  );
  const onAbort = () => wake?.();
  signal?.addEventListener('abort', onAbort);
  try {
    let last: string | null = lastEventId ?? null;
    if (lastEventId) {
      let cursor: string = lastEventId;
      for (;;) {
        const backlog: Array<LoggedEvent<T>> = await log.readAfter<T>(topic, cursor, 500);
        for (const event of backlog) {
          if (signal?.aborted || closed) return;
          last = cursor = event.id;
          const mapped = map(event);
          if (mapped !== null) yield mapped;
        }
        if (backlog.length < 500) break;
      }
    }
    while (!signal?.aborted && !closed) {
      if (overflow) throw new SubscriberTooSlowError(`subscriber of ${topic} fell more than ${MAX_PENDING} events behind`);
      const event = pending.shift();
      if (!event) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        continue;
      }
      // Signals (presence, typing) have no id and are never stored: always passed on.
      if (event.id) {
        if (last && compareEventIds(event.id, last) <= 0) continue;
        last = event.id;
      }
      const mapped = map(event as LoggedEvent<T>);
      if (mapped !== null) yield mapped;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    stop();
  }
}
