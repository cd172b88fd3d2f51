/**
 * The browser holds only the app's session cookie, never the API token, so each Remix app serves
 * the live subscriptions through a resource route that calls the API with the session's token and
 * streams the server-sent events back unchanged (docs/decisions/014-live-updates.md). Only the
 * procedures listed in `allowed` pass; anything else is a 404, so the route is no general proxy.
 */
/**
 * A proxied stream ends after this long; the browser's EventSource reconnects by itself and resumes
 * from its last event id, so nothing is lost. It bounds what a stream costs when the app server does
 * not notice that its browser went away (Remix keeps writing to a closed response and never cancels
 * the body it streams).
 */
export const LIVE_PROXY_MAX_MS = 5 * 60_000;

/** Upstream live streams this app server holds open, ended all at once when the server shuts down. */
const open = new Set<AbortController>();
let shutdownHooked = false;

function endAllOnShutdown() {
  if (shutdownHooked || typeof process === 'undefined') return;
  shutdownHooked = true;
  // remix-serve closes its HTTP server on these signals and waits for open responses: a live
  // stream never ends by itself, so end them (the browsers reconnect, with their last event id).
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      for (const controller of open) controller.abort();
    });
  }
}

export async function proxyLiveStream(options: {
  apiUrl: string;
  token: string;
  /** The tRPC path the browser asked for, e.g. "live.ticket". */
  procedure: string;
  request: Request;
  allowed: readonly string[];
}): Promise<Response> {
  const { apiUrl, token, procedure, request, allowed } = options;
  if (!allowed.includes(procedure)) return new Response('Not found', { status: 404 });
  const incoming = new URL(request.url);
  const upstreamUrl = `${apiUrl.replace(/\/+$/, '')}/trpc/${procedure}${incoming.search}`;
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'text/event-stream' };
  const lastEventId = request.headers.get('last-event-id');
  if (lastEventId) headers['last-event-id'] = lastEventId;
  const forwardedFor = request.headers.get('x-forwarded-for');
  if (forwardedFor) headers['x-forwarded-for'] = forwardedFor;
  const userAgent = request.headers.get('user-agent');
  if (userAgent) headers['x-switchboard-client-user-agent'] = userAgent;
  endAllOnShutdown();
  // Aborted when the browser goes away (which ends the subscription on the API too) or on shutdown.
  const controller = new AbortController();
  const abort = () => controller.abort();
  if (request.signal.aborted) return new Response(null, { status: 204 });
  request.signal.addEventListener('abort', abort, { once: true });
  const expiry = setTimeout(abort, LIVE_PROXY_MAX_MS);
  const done = () => {
    clearTimeout(expiry);
    open.delete(controller);
    request.signal.removeEventListener('abort', abort);
  };
  open.add(controller);
  let upstream: Response;
  try {
    upstream = await fetch(upstreamUrl, { headers, signal: controller.signal });
  } catch {
    done();
    return new Response('The API is not reachable', { status: 503 });
  }
  if (!upstream.body) {
    done();
    return new Response(null, { status: upstream.status });
  }
  const reader = upstream.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(sink) {
      try {
        const { done: finished, value } = await reader.read();
        if (finished) {
          done();
          sink.close();
        } else sink.enqueue(value);
      } catch {
        // Aborted (browser gone, or shutdown): end the response cleanly; the browser reconnects.
        done();
        sink.close();
      }
    },
    cancel(reason) {
      done();
      controller.abort();
      return reader.cancel(reason).catch(() => undefined);
    },
  });
  return new Response(body, {
    status: upstream.status,
    headers: {
      'content-type': upstream.headers.get('content-type') ?? 'text/event-stream',
      // no-transform keeps compression middleware (remix-serve's) from buffering the stream.
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    },
  });
}
