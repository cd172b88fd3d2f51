import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { anonymousApi, formFailure } from '../api.server';
import { FormError } from '../components/flash';

export const meta: MetaFunction = () => [{ title: 'Confirm your email address · Switchboard Support' }];

export function loader({ request }: LoaderFunctionArgs) {
  return { token: new URL(request.url).searchParams.get('token') ?? '' };
}

/**
 * Confirming is a POST behind a button, not the GET of the link itself: mail scanners and link
 * previews open links, and must not use up the token on the customer's behalf.
 */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  try {
    const result = await anonymousApi(request).auth.verifyEmail.mutate({ token: String(form.get('token') ?? '') });
    return data({ done: true as const, companyName: result.companyName, formError: null });
  } catch (error) {
    const failure = await formFailure(error, request, null);
    const formError = failure.fieldErrors.token ? 'This link is invalid, expired or already used. Sign in and ask for a new one.' : failure.formError;
    return data({ done: false as const, companyName: null, formError }, { status: failure.status });
  }
}

export default function VerifyEmail() {
  const { token } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  if (result?.done) {
    return (
      <section className="auth" data-testid="verified">
        <h1>Thank you, your address is confirmed</h1>
        {result.companyName ? <p>Your account now belongs to {result.companyName}.</p> : null}
        <p>
          <Link to="/tickets">Go to my tickets</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="auth">
      <h1>Confirm your email address</h1>
      <FormError message={result?.formError} />
      <Form method="post" className="form" data-testid="verify-form">
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="button" disabled={busy || !token}>
          {busy ? 'Confirming…' : 'Confirm my address'}
        </button>
      </Form>
    </section>
  );
}
