import type { LoaderFunctionArgs } from '@remix-run/node';
import { proxyLiveStream } from '@switchboard/trpc-client';
import { config } from '../config.server';
import { getSession } from '../session.server';

/** A customer follows their open ticket (new replies) and sees when an agent is writing one. */
const ALLOWED = ['live.ticket', 'live.presence'] as const;

/**
 * GET /live/<procedure>: the live subscriptions for this browser, streamed from the API with the
 * session's token (the browser never sees the token). See docs/decisions/014-live-updates.md.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await getSession(request);
  const token = session.get('token');
  if (!token || !session.get('user')) return new Response('Sign in first', { status: 401 });
  return proxyLiveStream({ apiUrl: config.apiUrl, token, procedure: params.procedure ?? '', request, allowed: ALLOWED });
}
