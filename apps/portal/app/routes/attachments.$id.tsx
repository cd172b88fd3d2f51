import type { LoaderFunctionArgs } from '@remix-run/node';
import { fetchAttachment } from '@switchboard/trpc-client';
import { config } from '../config.server';
import { requireUser, signOutAndRedirect } from '../session.server';

/**
 * A resource route: the browser has no API token, so the portal fetches the file with the session's
 * token and streams it on. The API decides who may see it (404 for another customer's ticket or an
 * internal note's file) and sets the safety headers, which are passed through.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { token, session } = await requireUser(request);
  const res = await fetchAttachment({ url: config.apiUrl, token, forwardedFor: request.headers.get('x-forwarded-for'), userAgent: request.headers.get('user-agent') }, params.id ?? '');
  if (res.status === 401) return signOutAndRedirect(request, session);
  return res;
}
