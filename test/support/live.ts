import { EventSource } from 'eventsource';
import { createLiveClient } from '@switchboard/trpc-client';

/** A live (SSE) client for a user, the way a server-side caller holds one: bearer token on each connect. */
export function liveClientFor(apiUrl: string, token: string) {
  return createLiveClient({ url: `${apiUrl}/trpc`, token, EventSource: EventSource as never });
}

export interface Recording<T> {
  events: T[];
  ids: string[];
  errors: unknown[];
  started: Promise<void>;
  waitFor(predicate: (events: T[]) => boolean, timeoutMs?: number): Promise<T[]>;
  stop(): void;
}

type Subscribe<T> = (handlers: {
  onData(value: unknown): void;
  onError(error: unknown): void;
  onStarted(): void;
}) => { unsubscribe(): void };

/** Records what a subscription yields (tracked events as their data, with their ids kept apart). */
export function record<T>(subscribe: Subscribe<T>): Recording<T> {
  const events: T[] = [];
  const ids: string[] = [];
  const errors: unknown[] = [];
  let started!: () => void;
  const startedPromise = new Promise<void>((resolve) => (started = resolve));
  const sub = subscribe({
    onData(value) {
      const v = value as { id?: string; data?: unknown };
      if (v && typeof v === 'object' && 'id' in v && 'data' in v && typeof v.id === 'string') {
        ids.push(v.id);
        events.push(v.data as T);
      } else {
        events.push(value as T);
      }
    },
    onError: (error) => errors.push(error),
    onStarted: () => started(),
  });
  return {
    events,
    ids,
    errors,
    started: startedPromise,
    async waitFor(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(events)) {
        if (Date.now() > deadline) {
          throw new Error(`timed out; got ${JSON.stringify(events)}; errors ${errors.map(String).join(', ')}`);
        }
        await new Promise((r) => setTimeout(r, 25));
      }
      return events;
    },
    stop: () => sub.unsubscribe(),
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
