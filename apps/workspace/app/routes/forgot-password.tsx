import { data, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation } from '@remix-run/react';
import { anonymousApi, apiErrorKind, apiFieldErrors, unreachableMessage } from '~/api.server';
import { AuthShell, LoginField } from '~/components/AuthShell';

export const meta: MetaFunction = () => [{ title: 'Forgot your password? · Switchboard workspace' }];

interface ForgotData {
  sent?: boolean;
  email?: string;
  formError?: string;
  fieldErrors?: Record<string, string>;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const email = String(form.get('email') ?? '').trim();
  if (!email) return data<ForgotData>({ email, fieldErrors: { email: 'Enter your email address.' } }, { status: 400 });
  try {
    await anonymousApi(request).auth.requestPasswordReset.mutate({ email });
    return data<ForgotData>({ sent: true, email });
  } catch (error) {
    const kind = apiErrorKind(error);
    if (kind === 'bad_request') return data<ForgotData>({ email, fieldErrors: apiFieldErrors(error) }, { status: 400 });
    if (kind === 'unreachable') return data<ForgotData>({ email, formError: `${unreachableMessage()}. Try again in a moment.` }, { status: 503 });
    console.error('[workspace] password reset request failed', error);
    return data<ForgotData>({ email, formError: 'Sending the link failed unexpectedly. Try again.' }, { status: 502 });
  }
}

export default function ForgotPassword() {
  const result = useActionData<typeof action>() as ForgotData | undefined;
  const busy = useNavigation().state === 'submitting';
  const fieldErrors = result?.fieldErrors ?? {};
  return (
    <AuthShell>
        {result?.sent ? (
          <p className="sb-alert sb-alert--success" role="status" data-testid="flash">
            If an account uses {result.email}, a link to choose a new password is on its way. It works once and expires within the hour.
          </p>
        ) : (
          <>
            <p className="sb-login__lede">Enter your email address and we will send you a link to choose a new password.</p>
            {result?.formError ? (
              <p className="sb-alert sb-alert--error" role="alert" data-testid="error">
                {result.formError}
              </p>
            ) : null}
            <Form method="post" className="sb-form" noValidate>
              <LoginField name="email" label="Email" error={fieldErrors.email} type="email" autoComplete="username" defaultValue={result?.email ?? ''} />
              <button type="submit" className="sb-button sb-button--primary sb-button--block" disabled={busy}>
                {busy ? 'Sending…' : 'Send the link'}
              </button>
            </Form>
          </>
        )}
        <p className="sb-login__aside">
          <Link to="/login">Back to sign in</Link>
        </p>
    </AuthShell>
  );
}
