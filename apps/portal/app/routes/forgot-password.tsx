import { data, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation } from '@remix-run/react';
import { anonymousApi, formFailure } from '../api.server';
import { Field } from '../components/field';
import { Flash, FormError } from '../components/flash';
import { zPasswordResetRequest, zodFieldErrors } from '../validation.server';

export const meta: MetaFunction = () => [{ title: 'Forgot your password? · Switchboard Support' }];

const SENT = 'If an account uses that address, a link to choose a new password is on its way. It works once and expires within the hour.';

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const values = { email: String(form.get('email') ?? '') };
  const parsed = zPasswordResetRequest.safeParse(values);
  if (!parsed.success) return data({ values, sent: false, fieldErrors: zodFieldErrors(parsed.error), formError: null }, { status: 400 });
  try {
    await anonymousApi(request).auth.requestPasswordReset.mutate(parsed.data);
    return data({ values, sent: true, fieldErrors: {}, formError: null });
  } catch (error) {
    const failure = await formFailure(error, request, null);
    return data({ values, sent: false, fieldErrors: failure.fieldErrors, formError: failure.formError }, { status: failure.status });
  }
}

export default function ForgotPassword() {
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const errors: Record<string, string | undefined> = result?.fieldErrors ?? {};
  return (
    <section className="auth">
      <h1>Forgot your password?</h1>
      {result?.sent ? (
        <Flash message={SENT} />
      ) : (
        <>
          <p>Enter the email address of your account and we will send you a link to choose a new password.</p>
          <FormError message={result?.formError} />
          <Form method="post" className="form" noValidate data-testid="forgot-form">
            <Field id="email" label="Email" error={errors.email}>
              {(aria) => <input {...aria} name="email" type="email" autoComplete="email" required defaultValue={result?.values.email ?? ''} />}
            </Field>
            <button type="submit" className="button" disabled={busy}>
              {busy ? 'Sending…' : 'Send the link'}
            </button>
          </Form>
        </>
      )}
      <p className="auth__switch">
        <Link to="/login">Back to sign in</Link>
      </p>
    </section>
  );
}
