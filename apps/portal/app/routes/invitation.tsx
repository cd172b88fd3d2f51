import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { anonymousApi, formFailure } from '../api.server';
import { Field } from '../components/field';
import { FormError } from '../components/flash';
import { startSession } from '../session.server';

export const meta: MetaFunction = () => [{ title: 'Join your company · Switchboard Support' }];

/** The page a company invitation links to; no session needed: the signed token is the credential. */
export function loader({ request }: LoaderFunctionArgs) {
  return { token: new URL(request.url).searchParams.get('token') ?? '' };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const token = String(form.get('token') ?? '');
  const name = String(form.get('name') ?? '').trim();
  const password = String(form.get('password') ?? '');
  try {
    const { token: sessionToken, user } = await anonymousApi(request).people.acceptInvitation.mutate({ token, name, password });
    return startSession(request, sessionToken, { id: user.id, name: user.name, email: user.email, role: user.role }, '/tickets');
  } catch (error) {
    const failure = await formFailure(error, request, null, { bad_request: 'Please check the highlighted fields.' });
    // The token is hidden: its problem (used, expired, forged) is the form's.
    const { token: tokenError, ...fieldErrors } = failure.fieldErrors;
    return data({ name, fieldErrors, formError: tokenError ?? failure.formError }, { status: failure.status });
  }
}

export default function Invitation() {
  const { token } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const errors: Record<string, string | undefined> = result?.fieldErrors ?? {};
  return (
    <section className="auth">
      <h1>Join your company’s support</h1>
      <p>You were invited to follow your company’s requests here. Choose your name and password.</p>
      <FormError message={result?.formError} />
      <Form method="post" className="form" data-testid="accept-form" noValidate>
        <input type="hidden" name="token" value={token} />
        <Field id="name" label="Your name" error={errors.name}>
          {(aria) => <input {...aria} name="name" required maxLength={120} defaultValue={result?.name ?? ''} autoComplete="name" />}
        </Field>
        <Field id="password" label="Password" hint="At least 10 characters, not a common one." error={errors.password}>
          {(aria) => <input {...aria} name="password" type="password" autoComplete="new-password" required minLength={10} />}
        </Field>
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Joining…' : 'Join'}
        </button>
      </Form>
    </section>
  );
}
