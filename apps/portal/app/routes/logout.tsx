import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { apiWithToken } from '../api.server';
import { destroySession, getSession } from '../session.server';

// Signing out changes state, so it is a POST; a GET (a typed URL, a prefetch) does nothing.
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  throw redirect(session.get('token') ? '/tickets' : '/');
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await getSession(request);
  const token = session.get('token');
  if (token) {
    try {
      // Revoke the token on the API so a copied cookie is useless too.
      await apiWithToken(request, token).auth.logout.mutate();
    } catch (error) {
      // Already revoked, or the API is down: the user still wants to be signed out here.
      console.warn('[portal] could not revoke the token on logout:', error instanceof Error ? error.message : error);
    }
  }
  throw redirect('/', { headers: { 'Set-Cookie': await destroySession(session) } });
}
