import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { anonymousApi, formFailure } from '../api.server';
import { Field } from '../components/field';
import { FormError } from '../components/flash';
import { getSession, safeRedirect, startSession } from '../session.server';
import { zRegisterInput, zodFieldErrors } from '../validation.server';

export const meta: MetaFunction = () => [{ title: 'Create an account · Switchboard Support' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  if (session.get('token')) throw redirect(safeRedirect(new URL(request.url).searchParams.get('redirectTo')));
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await getSession(request);
  const form = await request.formData();
  const redirectTo = safeRedirect(form.get('redirectTo'));
  if (session.get('token')) throw redirect(redirectTo);

  const values = { name: String(form.get('name') ?? ''), email: String(form.get('email') ?? '') };
  const parsed = zRegisterInput.safeParse({ ...values, password: form.get('password') ?? '' });
  if (!parsed.success) {
    return data({ values, fieldErrors: zodFieldErrors(parsed.error), formError: null }, { status: 400 });
  }

  try {
    const { token, user } = await anonymousApi(request).auth.register.mutate(parsed.data);
    return startSession(request, token, { id: user.id, name: user.name, email: user.email, role: user.role }, redirectTo);
  } catch (error) {
    const failure = await formFailure(error, request, null, {
      conflict: 'An account with this email already exists. Sign in instead?',
    });
    return data({ values, fieldErrors: failure.fieldErrors, formError: failure.formError }, { status: failure.status });
  }
}

export default function Register() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === 'submitting';
  const redirectTo = params.get('redirectTo') ?? '';
  const errors: Record<string, string | undefined> = result?.fieldErrors ?? {};

  return (
    <section className="auth">
      <h1>Create an account</h1>
      <p className="muted">With an account you can open tickets and follow our answers.</p>
      <FormError message={result?.formError} />
      <Form method="post" className="form" data-testid="register-form" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field id="name" label="Your name" error={errors.name}>
          {(aria) => <input {...aria} name="name" type="text" autoComplete="name" required defaultValue={result?.values.name ?? ''} />}
        </Field>
        <Field id="email" label="Email" error={errors.email}>
          {(aria) => (
            <input {...aria} name="email" type="email" autoComplete="email" required defaultValue={result?.values.email ?? ''} />
          )}
        </Field>
        <Field id="password" label="Password" hint="At least 10 characters." error={errors.password}>
          {(aria) => <input {...aria} name="password" type="password" autoComplete="new-password" required minLength={10} />}
        </Field>
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Creating your account…' : 'Create account'}
        </button>
      </Form>
      <p className="auth__switch">
        Already have an account? <Link to={redirectTo ? `/login?${new URLSearchParams({ redirectTo })}` : '/login'}>Sign in</Link>
      </p>
    </section>
  );
}
