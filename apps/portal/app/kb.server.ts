import { data } from '@remix-run/node';
import { apiErrorKind } from '@switchboard/trpc-client';
import { anonymousApi, apiWithToken, unreachableMessage, type PortalApi } from './api.server';
import { config } from './config.server';
import { getSession, type PortalSession } from './session.server';

/**
 * The knowledge base is readable without signing in: visitors call the API anonymously, a signed-in
 * customer with their token (and so also sees articles for customers and for their company).
 */
export async function readerApi(request: Request): Promise<{ api: PortalApi; session: PortalSession; signedIn: boolean }> {
  const session = await getSession(request);
  const token = session.get('token');
  return { api: token ? apiWithToken(request, token) : anonymousApi(request), session, signedIn: Boolean(token) };
}

/** A failed KB read as the page to show: missing/hidden -> 404, API down -> 503, else 500. Always throws. */
export function throwKbFailure(error: unknown, what: string): never {
  const kind = apiErrorKind(error);
  if (kind === 'unreachable') throw data({ kind, message: unreachableMessage(), apiUrl: config.apiUrl }, { status: 503 });
  if (kind === 'not_found' || kind === 'forbidden' || kind === 'unauthorized') {
    throw data({ kind: 'not_found', message: `${what} does not exist, or you need to sign in to read it.` }, { status: 404 });
  }
  if (kind === 'bad_request') throw data({ kind, message: 'That search could not be run.' }, { status: 400 });
  console.error('[portal] KB call failed:', error);
  throw data({ kind: 'other', message: 'Something went wrong while talking to the API.' }, { status: 500 });
}
