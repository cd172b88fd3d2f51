import { createLiveClient, type LiveClient } from '@switchboard/trpc-client';
import { useEffect, useRef } from 'react';

/** Both apps serve the live subscriptions at /live/<procedure> (a resource route that adds the token). */
export const LIVE_PATH = '/live';

let client: LiveClient | null = null;

/** One client per page; the browser's EventSource reconnects with the last event id by itself. */
export function liveClient(): LiveClient {
  client ??= createLiveClient({ url: LIVE_PATH });
  return client;
}

/** Resume from a little before the page's data was loaded, so nothing between load and subscribe is lost. */
export function sinceLoaded(loadedAtIso: string, slackMs = 5_000): string {
  return `${Math.max(0, Date.parse(loadedAtIso) - slackMs)}-0`;
}

export interface LiveHandlers<T> {
  onData: (value: T) => void;
  onError: (error: unknown) => void;
  /** tRPC's connection state: 'pending' is a stream that is open, 'connecting' one that dropped and is retrying. */
  onConnectionStateChange: (state: { state: 'idle' | 'connecting' | 'pending' }) => void;
}

/**
 * Runs a subscription while the component is mounted (browser only). `open` is called again when
 * `key` changes; the latest `onData` is always the one called. `onConnected` (optional) hears
 * whether the stream is open, for pages that fall back to polling while it is not.
 */
export function useLive<T>(
  key: string | null,
  open: (client: LiveClient, handlers: LiveHandlers<T>) => { unsubscribe(): void },
  onData: (value: T) => void,
  onConnected?: (connected: boolean) => void,
) {
  const handler = useRef(onData);
  handler.current = onData;
  const connection = useRef(onConnected);
  connection.current = onConnected;
  useEffect(() => {
    if (key === null || typeof window === 'undefined' || typeof EventSource === 'undefined') return;
    const sub = open(liveClient(), {
      onData: (value) => handler.current(value),
      onError: (error) => {
        console.warn('[live] subscription ended', error);
        connection.current?.(false);
      },
      onConnectionStateChange: (state) => connection.current?.(state.state === 'pending'),
    });
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
}

/** Calls `fn` at most once per `ms`, trailing: a burst of live events reloads the page once. */
export function useDebounced(fn: () => void, ms: number) {
  const latest = useRef(fn);
  latest.current = fn;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  return () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      latest.current();
    }, ms);
  };
}
