import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import type { AuthResult } from '@switchboard/contracts';
import { anonymousApi, apiErrorKind, errorText } from '~/api.server';
import { config } from '~/config.server';
import { commitSession, getSession, isStaff, type WorkspaceSession } from '~/session.server';

/** Back to the login page with the reason as a one-time message (never in the URL: no text injection). */
async function backToLogin(session: WorkspaceSession, message: string) {
  session.flash('flash', { kind: 'error', message });
  return redirect('/login', { headers: { 'Set-Cookie': await commitSession(session) } });
}

/** The identity provider sends the browser back here; the API checks the code, state, nonce and PKCE. */
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  const attempt = session.get('sso');
  session.unset('sso');
  const url = new URL(request.url);
  const providerError = url.searchParams.get('error');
  if (providerError) return backToLogin(session, `The identity provider refused: ${url.searchParams.get('error_description') ?? providerError}`);
  if (!attempt) return backToLogin(session, 'That sign-in attempt expired or started in another browser. Try again.');

  const callbackUrl = `${config.publicUrl ?? url.origin}${url.pathname}${url.search}`;
  let result: AuthResult;
  try {
    const { state, nonce, codeVerifier } = attempt;
    result = (await anonymousApi(request).auth.ssoFinish.mutate({ callbackUrl, state, nonce, codeVerifier })) as AuthResult;
  } catch (error) {
    const message = apiErrorKind(error) === 'unreachable' ? 'The API is not reachable.' : errorText(error, 'Single sign-on failed.');
    return backToLogin(session, message);
  }
  if (!isStaff(result.user.role)) return backToLogin(session, 'This workspace is for support staff.');
  session.set('token', result.token);
  session.set('user', { id: result.user.id, name: result.user.name, email: result.user.email, role: result.user.role });
  if (!session.get('tz')) session.set('tz', 'UTC');
  return redirect(attempt.redirectTo || '/tickets', { headers: { 'Set-Cookie': await commitSession(session) } });
}
