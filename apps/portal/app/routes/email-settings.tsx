import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { formFailure, requireApi, throwApiFailure } from '../api.server';
import { ErrorView } from '../components/error-view';
import { Flash, FormError } from '../components/flash';
import { commitSession, takeFlash } from '../session.server';

export const meta: MetaFunction = () => [{ title: 'Email settings · Switchboard Support' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, session } = await requireApi(request);
  try {
    const preferences = await api.inbox.preferences.query();
    const flash = takeFlash(session);
    return data(
      { replies: preferences.customer?.replies !== false, flash },
      flash ? { headers: { 'Set-Cookie': await commitSession(session) } } : undefined,
    );
  } catch (error) {
    return throwApiFailure(error, request, session, 'That page');
  }
}

/** Saves the one switch customers have: whether an agent's reply on a portal ticket is also emailed to them. */
export async function action({ request }: ActionFunctionArgs) {
  const { api, session } = await requireApi(request);
  const form = await request.formData();
  try {
    // The document is read and written whole (the rest is the staff settings, untouched here).
    const current = await api.inbox.preferences.query();
    await api.inbox.updatePreferences.mutate({ ...current, customer: { replies: form.get('replies') === 'on' } });
    session.flash('flash', 'Email settings saved.');
    return redirect('/email-settings', { headers: { 'Set-Cookie': await commitSession(session) } });
  } catch (error) {
    const failure = await formFailure(error, request, session);
    return data({ formError: failure.formError }, { status: failure.status });
  }
}

export default function EmailSettings() {
  const { replies, flash } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  return (
    <section className="new-ticket">
      <h1>Email settings</h1>
      <Flash message={flash} />
      <FormError message={result?.formError} />
      <Form method="post" className="form" data-testid="email-settings-form">
        <label>
          <input type="checkbox" name="replies" defaultChecked={replies} data-testid="email-replies" /> Email me when an agent answers a request I made here
        </label>
        <p className="muted">
          Turned off, you read our answers on the request’s page in this portal. Requests you sent us by email, SMS or WhatsApp are always answered there.
        </p>
        <div className="form__actions">
          <button type="submit" className="button" disabled={busy} data-testid="save-email-settings">
            {busy ? 'Saving…' : 'Save'}
          </button>
        </div>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorView />;
}
