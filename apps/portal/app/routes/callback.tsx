import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useNavigation } from '@remix-run/react';
import { formFailure, requireApi } from '../api.server';
import { ErrorView } from '../components/error-view';
import { Field } from '../components/field';
import { FormError } from '../components/flash';
import { ticketNumber } from '../labels';
import { commitSession } from '../session.server';
import { zodFieldErrors, zRequestCallbackInput } from '../validation.server';

export const meta: MetaFunction = () => [{ title: 'Request a callback · Switchboard Support' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireApi(request);
  return null;
}

/** "Call me back": the same urgent phone ticket as pressing 2 on our phone menu. */
export async function action({ request }: ActionFunctionArgs) {
  const { session, api } = await requireApi(request);
  const form = await request.formData();
  const values = { phone: String(form.get('phone') ?? ''), window: String(form.get('window') ?? '') };
  const parsed = zRequestCallbackInput.safeParse({ phone: values.phone, window: values.window.trim() || undefined });
  if (!parsed.success) return data({ values, fieldErrors: zodFieldErrors(parsed.error), formError: null }, { status: 400 });
  try {
    const ticket = await api.phone.requestCallback.mutate(parsed.data);
    session.flash('flash', `Thanks! We will call you back at ${values.phone.trim()}. Your request is ticket ${ticketNumber(ticket)}.`);
    return redirect(`/tickets/${ticket.id}`, { headers: { 'Set-Cookie': await commitSession(session) } });
  } catch (error) {
    const failure = await formFailure(error, request, session);
    return data({ values, fieldErrors: failure.fieldErrors, formError: failure.formError }, { status: failure.status });
  }
}

export default function RequestCallback() {
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const errors: Record<string, string | undefined> = result?.fieldErrors ?? {};
  return (
    <section className="new-ticket">
      <h1>Request a callback</h1>
      <p className="muted">Leave your number and when it suits you; one of our agents will call you.</p>
      <FormError message={result?.formError} />
      <Form method="post" className="form" data-testid="callback-form" noValidate>
        <Field id="phone" label="Phone number" hint="With the country code, for example +49 151 12345678." error={errors.phone}>
          {(aria) => <input {...aria} name="phone" type="tel" autoComplete="tel" required maxLength={40} defaultValue={result?.values.phone ?? ''} />}
        </Field>
        <Field id="window" label="When should we call?" hint="Optional, for example “weekdays after 5 pm”." error={errors.window}>
          {(aria) => <input {...aria} name="window" type="text" maxLength={200} defaultValue={result?.values.window ?? ''} />}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Sending…' : 'Call me back'}
          </button>
        </div>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorView />;
}
