import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { anonymousApi, apiErrorKind, errorText } from '~/api.server';
import { commitSession, getSession, safeRedirect } from '~/session.server';

/** "Sign in with …": asks the API for the provider's URL and keeps the attempt's secrets in the session. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const session = await getSession(request);
  try {
    const start = await anonymousApi(request).auth.ssoStart.mutate();
    session.set('sso', { state: start.state, nonce: start.nonce, codeVerifier: start.codeVerifier, redirectTo: safeRedirect(form.get('redirectTo')) });
    return redirect(start.url, { headers: { 'Set-Cookie': await commitSession(session) } });
  } catch (error) {
    const message = apiErrorKind(error) === 'unreachable' ? 'The API is not reachable.' : errorText(error, 'Single sign-on is not available.');
    session.flash('flash', { kind: 'error', message });
    return redirect('/login', { headers: { 'Set-Cookie': await commitSession(session) } });
  }
}

export function loader() {
  return redirect('/login');
}
