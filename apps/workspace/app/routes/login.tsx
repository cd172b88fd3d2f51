import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import type { AuthResult } from '@switchboard/contracts';
import { isValidTimeZone } from '@switchboard/ui';
import { anonymousApi, apiAs, apiErrorKind, apiFieldErrors, errorText, unreachableMessage } from '~/api.server';
import { AuthShell, LoginField } from '~/components/AuthShell';
import { commitSession, CUSTOMER_REFUSED, getSession, isStaff, safeRedirect } from '~/session.server';

export const meta: MetaFunction = () => [{ title: 'Sign in · Switchboard workspace' }];

export async function loader({ request }: LoaderFunctionArgs) {
  // The one page that needs no session; an agent who is already signed in goes straight on.
  const session = await getSession(request);
  if (session.get('token') && isStaff(session.get('user')?.role)) {
    throw redirect(safeRedirect(new URL(request.url).searchParams.get('redirectTo')));
  }
  // Single sign-on is offered when the API has a provider; an API that is down only hides the button.
  const sso = await anonymousApi(request)
    .auth.ssoProviders.query()
    .then((p) => p.oidc)
    .catch(() => ({ enabled: false, label: '' }));
  const flash = session.get('flash') ?? null;
  return data({ sso, flash }, flash ? { headers: { 'Set-Cookie': await commitSession(session) } } : undefined);
}

interface LoginActionData {
  formError?: string;
  fieldErrors?: Record<string, string>;
  email?: string;
  /** Set when the password was right and the account wants a code from its authenticator app. */
  challenge?: string;
}

/** The sign-in challenge the API hands out when the password is right but a second factor is due. */
function twoFactorChallenge(error: unknown): string | null {
  const data = (error as { data?: { domainCode?: string; details?: { challenge?: unknown } } } | null)?.data;
  return data?.domainCode === 'AUTH_TWO_FACTOR_REQUIRED' && typeof data.details?.challenge === 'string' ? data.details.challenge : null;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const email = String(form.get('email') ?? '').trim();
  const password = String(form.get('password') ?? '');
  const tz = String(form.get('tz') ?? '');
  const redirectTo = safeRedirect(form.get('redirectTo'));

  if (form.get('intent') === 'two-factor') {
    const challenge = String(form.get('challenge') ?? '');
    const code = String(form.get('code') ?? '').replace(/\s+/g, '');
    try {
      const result = (await anonymousApi(request).auth.verifyTwoFactor.mutate({ challenge, code })) as AuthResult;
      return startStaffSession(request, result, tz, redirectTo);
    } catch (error) {
      const kind = apiErrorKind(error);
      if (kind === 'bad_request') return data<LoginActionData>({ challenge, email, fieldErrors: apiFieldErrors(error) }, { status: 400 });
      if (kind === 'too_many_requests') return data<LoginActionData>({ formError: errorText(error, 'Too many failed sign-ins.'), email }, { status: 429 });
      return data<LoginActionData>({ formError: 'That sign-in step expired. Enter your email and password again.', email }, { status: 401 });
    }
  }

  const fieldErrors: Record<string, string> = {};
  if (!email) fieldErrors.email = 'Enter your email address.';
  if (!password) fieldErrors.password = 'Enter your password.';
  if (Object.keys(fieldErrors).length) return data<LoginActionData>({ fieldErrors, email }, { status: 400 });

  let result: AuthResult;
  try {
    result = (await anonymousApi(request).auth.login.mutate({ email, password })) as AuthResult;
  } catch (error) {
    const challenge = twoFactorChallenge(error);
    if (challenge) return data<LoginActionData>({ challenge, email });
    switch (apiErrorKind(error)) {
      case 'bad_request':
        return data<LoginActionData>({ fieldErrors: apiFieldErrors(error), email }, { status: 400 });
      case 'unauthorized':
      case 'not_found':
        return data<LoginActionData>({ formError: 'Email or password is incorrect.', email }, { status: 401 });
      case 'forbidden':
        return data<LoginActionData>({ formError: 'This account may not sign in. Ask an admin.', email }, { status: 403 });
      case 'too_many_requests':
        return data<LoginActionData>({ formError: errorText(error, 'Too many failed sign-ins. Try again later.'), email }, { status: 429 });
      case 'unreachable':
        return data<LoginActionData>({ formError: `${unreachableMessage()}. Try again in a moment.`, email }, { status: 503 });
      default:
        console.error('[workspace] login failed', error);
        return data<LoginActionData>({ formError: 'Signing in failed unexpectedly. Try again.', email }, { status: 502 });
    }
  }

  return startStaffSession(request, result, tz, redirectTo);
}

async function startStaffSession(request: Request, result: AuthResult, tz: string, redirectTo: string) {
  const email = result.user.email;
  if (!isStaff(result.user.role)) {
    // Do not leave a customer's token alive on the server just because they knocked on the wrong door.
    await apiAs(result.token, request)
      .auth.logout.mutate()
      .catch(() => undefined);
    return data<LoginActionData>({ formError: CUSTOMER_REFUSED, email }, { status: 403 });
  }

  const session = await getSession(request);
  session.set('token', result.token);
  session.set('user', { id: result.user.id, name: result.user.name, email: result.user.email, role: result.user.role });
  session.set('tz', isValidTimeZone(tz) ? tz : 'UTC');
  return redirect(redirectTo, { headers: { 'Set-Cookie': await commitSession(session) } });
}

export default function Login() {
  const actionData = useActionData<typeof action>() as LoginActionData | undefined;
  const { sso, flash } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle' && navigation.formMethod === 'POST';
  const tzRef = useRef<HTMLInputElement>(null);
  const fieldErrors = actionData?.fieldErrors ?? {};

  useEffect(() => {
    // Times in the timeline are shown in the agent's zone; without JavaScript they fall back to UTC.
    if (tzRef.current) tzRef.current.value = Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
  }, []);

  return (
    <AuthShell lede="Sign in to the support workspace.">
        {params.get('reset') ? (
          <p className="sb-alert sb-alert--success" role="status" data-testid="flash">
            Your password is changed and every session is signed out. Sign in with the new password.
          </p>
        ) : null}
        {flash && !actionData ? (
          <p className={`sb-alert sb-alert--${flash.kind}`} data-testid={flash.kind === 'error' ? 'error' : 'flash'} role="alert">
            {flash.message}
          </p>
        ) : null}
        {actionData?.formError ? (
          <p className="sb-alert sb-alert--error" data-testid="error" role="alert">
            {actionData.formError}
          </p>
        ) : null}
        {actionData?.challenge ? (
          <Form method="post" className="sb-form" noValidate data-testid="two-factor-form">
            <input type="hidden" name="intent" value="two-factor" />
            <input type="hidden" name="challenge" value={actionData.challenge} />
            <input type="hidden" name="email" value={actionData.email ?? ''} />
            <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
            <input type="hidden" name="tz" ref={tzRef} defaultValue="" />
            <LoginField
              name="code"
              label="Code from your authenticator app, or a recovery code"
              errorLabel="The code"
              error={fieldErrors.code}
              autoComplete="one-time-code"
              maxLength={12}
              autoFocus
            />
            <button type="submit" className="sb-button sb-button--primary sb-button--block" disabled={busy}>
              {busy ? 'Checking…' : 'Sign in'}
            </button>
          </Form>
        ) : (
          <Form method="post" className="sb-form" noValidate>
            <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
            <input type="hidden" name="tz" ref={tzRef} defaultValue="" />
            <LoginField name="email" label="Email" error={fieldErrors.email} type="email" autoComplete="username" autoFocus defaultValue={actionData?.email ?? ''} />
            <LoginField name="password" label="Password" error={fieldErrors.password} type="password" autoComplete="current-password" />
            <button type="submit" className="sb-button sb-button--primary sb-button--block" disabled={busy}>
              {busy ? 'Signing in…' : 'Sign in'}
            </button>
          </Form>
        )}
        {sso.enabled && !actionData?.challenge ? (
          <Form method="post" action="/sso/start" className="sb-login__sso">
            <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
            <button type="submit" className="sb-button sb-button--block" data-testid="sso">
              Sign in with {sso.label}
            </button>
          </Form>
        ) : null}
        <p className="sb-login__aside">
          <Link to="/forgot-password" data-testid="forgot-password">
            Forgot your password?
          </Link>
        </p>
    </AuthShell>
  );
}
