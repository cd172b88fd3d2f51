import { createTRPCClient, httpSubscriptionLink } from '@trpc/client';
import type { AppRouter } from '../../../apps/api/src/trpc/app-router.js';

type EventSourceClass = new (url: string | URL, init?: any) => EventSource;

export interface LiveClientOptions {
  /**
   * Where subscriptions are served: the API's /trpc (server side, with a token), or an app's own
   * proxy route such as /live (in the browser, which has only the session cookie).
   */
  url: string;
  /** Bearer token; needs an EventSource that accepts a fetch (the `eventsource` package in Node). */
  token?: string | null;
  /** The EventSource implementation; the browser's own when omitted. */
  EventSource?: EventSourceClass;
}

/**
 * A typed client for the `live.*` subscriptions over server-sent events (tRPC httpSubscriptionLink).
 * It reconnects by itself, sending the last event id it saw, and the server resumes from there.
 */
export function createLiveClient({ url, token, EventSource }: LiveClientOptions) {
  return createTRPCClient<AppRouter>({
    links: [
      httpSubscriptionLink({
        url: url.replace(/\/$/, ''),
        ...(EventSource ? { EventSource } : {}),
        ...(token
          ? {
              eventSourceOptions: {
                fetch: (input: RequestInfo | URL, init?: RequestInit) =>
                  fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), authorization: `Bearer ${token}` } }),
              },
            }
          : {}),
      }),
    ],
  });
}

export type LiveClient = ReturnType<typeof createLiveClient>;
