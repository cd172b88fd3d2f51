import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { anonymousApi, formFailure } from '../api.server';
import { Field } from '../components/field';
import { FormError } from '../components/flash';
import { commitSession, getSession } from '../session.server';
import { zPasswordReset, zodFieldErrors } from '../validation.server';

export const meta: MetaFunction = () => [{ title: 'Choose a new password · Switchboard Support' }];

export function loader({ request }: LoaderFunctionArgs) {
  return { token: new URL(request.url).searchParams.get('token') ?? '' };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const parsed = zPasswordReset.safeParse({ token: form.get('token') ?? '', password: form.get('password') ?? '' });
  if (!parsed.success) return data({ fieldErrors: zodFieldErrors(parsed.error), formError: null }, { status: 400 });
  try {
    await anonymousApi(request).auth.resetPassword.mutate(parsed.data);
  } catch (error) {
    const failure = await formFailure(error, request, null);
    // A bad link is not a field the customer can fix: say so above the form.
    const { token, ...fieldErrors } = failure.fieldErrors;
    return data({ fieldErrors, formError: token ? `This link ${token.replace(/^this password reset link /, '')}` : failure.formError }, { status: failure.status });
  }
  const session = await getSession(request);
  session.flash('flash', 'Your password is changed and every other session is signed out. Sign in with the new password.');
  throw redirect('/login', { headers: { 'Set-Cookie': await commitSession(session) } });
}

export default function ResetPassword() {
  const { token } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const errors: Record<string, string | undefined> = result?.fieldErrors ?? {};
  return (
    <section className="auth">
      <h1>Choose a new password</h1>
      <FormError message={result?.formError} />
      {token ? (
        <Form method="post" className="form" noValidate data-testid="reset-form">
          <input type="hidden" name="token" value={token} />
          <Field id="password" label="New password" hint="At least 10 characters; not a common password, not your name." error={errors.password}>
            {(aria) => <input {...aria} name="password" type="password" autoComplete="new-password" required />}
          </Field>
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Saving…' : 'Set the new password'}
          </button>
        </Form>
      ) : (
        <p>This page needs the link from the email we sent you.</p>
      )}
      <p className="auth__switch">
        <Link to="/forgot-password">Ask for a new link</Link>
      </p>
    </section>
  );
}
