import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { anonymousApi, apiErrorKind, apiFieldErrors, unreachableMessage } from '~/api.server';
import { AuthShell, LoginField } from '~/components/AuthShell';

export const meta: MetaFunction = () => [{ title: 'Choose a new password · Switchboard workspace' }];

interface ResetData {
  formError?: string;
  fieldErrors?: Record<string, string>;
}

export function loader({ request }: LoaderFunctionArgs) {
  return { token: new URL(request.url).searchParams.get('token') ?? '' };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const token = String(form.get('token') ?? '');
  const password = String(form.get('password') ?? '');
  if (!password) return data<ResetData>({ fieldErrors: { password: 'Enter a new password.' } }, { status: 400 });
  try {
    await anonymousApi(request).auth.resetPassword.mutate({ token, password });
  } catch (error) {
    const kind = apiErrorKind(error);
    if (kind === 'bad_request') {
      const { token: badLink, ...fieldErrors } = apiFieldErrors(error);
      return data<ResetData>(
        { fieldErrors, formError: badLink ? 'This link is invalid, expired or already used. Ask for a new one.' : undefined },
        { status: 400 },
      );
    }
    if (kind === 'unreachable') return data<ResetData>({ formError: `${unreachableMessage()}. Try again in a moment.` }, { status: 503 });
    console.error('[workspace] password reset failed', error);
    return data<ResetData>({ formError: 'Setting the password failed unexpectedly. Try again.' }, { status: 502 });
  }
  throw redirect('/login?reset=1');
}

export default function ResetPassword() {
  const { token } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ResetData | undefined;
  const busy = useNavigation().state === 'submitting';
  const fieldErrors = result?.fieldErrors ?? {};
  return (
    <AuthShell lede="Choose a new password. Every session of your account is signed out when it is set.">
        {result?.formError ? (
          <p className="sb-alert sb-alert--error" role="alert" data-testid="error">
            {result.formError}
          </p>
        ) : null}
        <Form method="post" className="sb-form" noValidate>
          <input type="hidden" name="token" value={token} />
          <LoginField name="password" label="New password" errorLabel="Password" error={fieldErrors.password} type="password" autoComplete="new-password" />
          <button type="submit" className="sb-button sb-button--primary sb-button--block" disabled={busy}>
            {busy ? 'Saving…' : 'Set the new password'}
          </button>
        </Form>
        <p className="sb-login__aside">
          <Link to="/forgot-password">Ask for a new link</Link>
        </p>
    </AuthShell>
  );
}
