/**
 * The browser holds only the app's session cookie, never the API token, so each Remix app serves
 * the live subscriptions through a resource route that calls the API with the session's token and
 * streams the server-sent events back unchanged (docs/decisions/008-live-updates.md). Only the
 * procedures listed in `allowed` pass; anything else is a 404, so the route is no general proxy.
 */
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
  let upstream: Response;
  try {
    // Aborted when the browser goes away, which ends the subscription on the API too.
    upstream = await fetch(upstreamUrl, { headers, signal: request.signal });
  } catch {
    return new Response('The API is not reachable', { status: 503 });
  }
  if (!upstream.body) return new Response(null, { status: upstream.status });
  return new Response(upstream.body, {
    status: upstream.status,
    headers: {
      'content-type': upstream.headers.get('content-type') ?? 'text/event-stream',
      // no-transform keeps compression middleware (remix-serve's) from buffering the stream.
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    },
  });
}
