import type { LoaderFunctionArgs } from '@remix-run/node';
import { proxyLiveStream } from '@switchboard/trpc-client';
import { config } from '~/config.server';
import { getSession, isStaff } from '~/session.server';

const ALLOWED = ['live.ticket', 'live.queue', 'live.notifications', 'live.presence', 'live.chats'] as const;

/**
 * GET /live/<procedure>: the live subscriptions for this browser, streamed from the API with the
 * session's token (the browser never sees the token). See docs/decisions/014-live-updates.md.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await getSession(request);
  const token = session.get('token');
  const user = session.get('user');
  if (!token || !user || !isStaff(user.role)) return new Response('Sign in first', { status: 401 });
  return proxyLiveStream({ apiUrl: config.apiUrl, token, procedure: params.procedure ?? '', request, allowed: ALLOWED });
}
