import type { LoaderFunctionArgs } from '@remix-run/node';
import { fetchAttachment } from '@switchboard/trpc-client';
import { config } from '~/config.server';
import { redirectToLogin, requireAgent } from '~/session.server';

/**
 * A resource route: the browser has no API token, so the workspace fetches the file with the
 * agent's token and streams it on, with the API's safety headers. The API decides who may see it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { token, session } = await requireAgent(request);
  const res = await fetchAttachment({ url: config.apiUrl, token, forwardedFor: request.headers.get('x-forwarded-for'), userAgent: request.headers.get('user-agent') }, params.id ?? '');
  if (res.status === 401) return redirectToLogin(request, session);
  return res;
}
