import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { anonymousApi, formFailure } from '../api.server';
import { Field } from '../components/field';
import { Flash, FormError } from '../components/flash';
import { commitSession, getSession, safeRedirect, startSession, takeFlash } from '../session.server';
import { zLoginInput, zodFieldErrors } from '../validation.server';

export const meta: MetaFunction = () => [{ title: 'Sign in · Switchboard Support' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  const url = new URL(request.url);
  if (session.get('token')) throw redirect(safeRedirect(url.searchParams.get('redirectTo')));
  const flashed = takeFlash(session);
  const flash = flashed ?? (url.searchParams.get('expired') ? 'Your session has ended. Please sign in again.' : null);
  // Only write the cookie back when a one-time message was consumed; visitors get no cookie for looking.
  return data({ flash }, flashed ? { headers: { 'Set-Cookie': await commitSession(session) } } : undefined);
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await getSession(request);
  const form = await request.formData();
  const redirectTo = safeRedirect(form.get('redirectTo'));
  if (session.get('token')) throw redirect(redirectTo);

  const values = { email: String(form.get('email') ?? '') };
  const parsed = zLoginInput.safeParse({ email: form.get('email') ?? '', password: form.get('password') ?? '' });
  if (!parsed.success) {
    return data({ values, fieldErrors: zodFieldErrors(parsed.error), formError: null }, { status: 400 });
  }

  try {
    const { token, user } = await anonymousApi(request).auth.login.mutate(parsed.data);
    return startSession(request, token, { id: user.id, name: user.name, email: user.email, role: user.role }, redirectTo);
  } catch (error) {
    const failure = await formFailure(error, request, null, {
      unauthorized: 'That email and password do not match an account.',
      forbidden: 'This account cannot sign in.',
    });
    return data({ values, fieldErrors: failure.fieldErrors, formError: failure.formError }, { status: failure.status });
  }
}

export default function Login() {
  const { flash } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === 'submitting';
  const redirectTo = params.get('redirectTo') ?? '';
  const errors: Record<string, string | undefined> = result?.fieldErrors ?? {};

  return (
    <section className="auth">
      <h1>Sign in</h1>
      <Flash message={flash} />
      <FormError message={result?.formError} />
      <Form method="post" className="form" data-testid="login-form" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field id="email" label="Email" error={errors.email}>
          {(aria) => (
            <input {...aria} name="email" type="email" autoComplete="email" required defaultValue={result?.values.email ?? ''} />
          )}
        </Field>
        <Field id="password" label="Password" error={errors.password}>
          {(aria) => <input {...aria} name="password" type="password" autoComplete="current-password" required />}
        </Field>
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </Form>
      <p className="auth__switch">
        <Link to="/forgot-password" data-testid="forgot-password">
          Forgot your password?
        </Link>
      </p>
      <p className="auth__switch">
        New here? <Link to={redirectTo ? `/register?${new URLSearchParams({ redirectTo })}` : '/register'}>Create an account</Link>
      </p>
    </section>
  );
}
