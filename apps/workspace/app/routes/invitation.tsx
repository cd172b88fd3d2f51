import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { anonymousApi, apiErrorKind, apiFieldErrors, unreachableMessage } from '~/api.server';
import { AuthShell } from '~/components/AuthShell';
import { commitSession, getSession } from '~/session.server';
import { refusal } from '~/staff-admin.server';

export const meta: MetaFunction = () => [{ title: 'Join the team · Switchboard workspace' }];

/** The page an invitation email links to; no session needed: the signed token is the credential. */
export function loader({ request }: LoaderFunctionArgs) {
  return { token: new URL(request.url).searchParams.get('token') ?? '' };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const token = String(form.get('token') ?? '');
  const name = String(form.get('name') ?? '').trim();
  const password = String(form.get('password') ?? '');
  try {
    const result = await anonymousApi(request).people.acceptInvitation.mutate({ token, name, password });
    const session = await getSession(request);
    session.set('token', result.token);
    session.set('user', { id: result.user.id, name: result.user.name, email: result.user.email, role: result.user.role });
    session.set('tz', 'UTC');
    session.flash('flash', { kind: 'success', message: `Welcome, ${result.user.name}.` });
    return redirect('/tickets', { headers: { 'Set-Cookie': await commitSession(session) } });
  } catch (error) {
    const kind = apiErrorKind(error);
    if (kind === 'unreachable') return data({ error: `${unreachableMessage()}. Try again in a moment.`, name }, { status: 503 });
    return data({ error: refusal(error, apiFieldErrors(error)), name }, { status: kind === 'bad_request' ? 400 : 502 });
  }
}

export default function Invitation() {
  const { token } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <AuthShell lede="You were invited to the support workspace. Choose your name and password.">
        {result?.error ? (
          <p className="sb-alert sb-alert--error" data-testid="error" role="alert">
            {result.error}
          </p>
        ) : null}
        <Form method="post" className="sb-form" data-testid="accept-form">
          <input type="hidden" name="token" value={token} />
          <div className="sb-field">
            <label htmlFor="name">Your name</label>
            <input id="name" name="name" required maxLength={120} defaultValue={result?.name ?? ''} />
          </div>
          <div className="sb-field">
            <label htmlFor="password">Password (at least 10 characters, not a common one)</label>
            <input id="password" name="password" type="password" autoComplete="new-password" required minLength={10} />
          </div>
          <button type="submit" className="sb-button sb-button--primary sb-button--block">
            Join
          </button>
        </Form>
    </AuthShell>
  );
}
