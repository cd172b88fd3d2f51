import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { formFailure, requireApi } from '../api.server';
import { FILE_LIMIT, readPostedForm, tooLargeMessage, uploadFiles } from '../attachments.server';
import { FilePicker } from '../components/attachments';
import { ErrorView } from '../components/error-view';
import { Field } from '../components/field';
import { FormError } from '../components/flash';
import { IMPORTANCE_OPTIONS, LEVELS, URGENCY_OPTIONS, ticketNumber } from '../labels';
import { commitSession, requireUser } from '../session.server';
import { zCreateTicketInput, zodFieldErrors } from '../validation.server';

export const meta: MetaFunction = () => [{ title: 'New ticket · Switchboard Support' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return { fileLimit: FILE_LIMIT };
}

export async function action({ request }: ActionFunctionArgs) {
  const { session, api, token } = await requireApi(request);
  const { form, files, tooLarge } = await readPostedForm(request);
  const values = {
    subject: String(form.get('subject') ?? ''),
    description: String(form.get('description') ?? ''),
    urgency: String(form.get('urgency') ?? 'medium'),
    importance: String(form.get('importance') ?? 'medium'),
  };

  const parsed = zCreateTicketInput.safeParse(values);
  if (!parsed.success) {
    const fieldErrors = zodFieldErrors(parsed.error);
    if (tooLarge.length) fieldErrors.files = tooLargeMessage(tooLarge);
    return data({ values, fieldErrors, formError: null }, { status: 400 });
  }
  if (tooLarge.length) {
    return data({ values, fieldErrors: { files: tooLargeMessage(tooLarge) }, formError: null }, { status: 413 });
  }
  // Files first: the ticket is created with their ids in one step, so it never shows up half-attached.
  const uploaded = await uploadFiles(request, token, files);
  if (!uploaded.ok) {
    return data({ values, fieldErrors: { files: uploaded.message }, formError: null }, { status: uploaded.status || 503 });
  }

  try {
    const ticket = await api.tickets.create.mutate({ ...parsed.data, attachmentIds: uploaded.ids });
    session.flash('flash', `Thanks! Ticket ${ticketNumber(ticket)} is open. We will reply here.`);
    return redirect(`/tickets/${ticket.id}`, { headers: { 'Set-Cookie': await commitSession(session) } });
  } catch (error) {
    const failure = await formFailure(error, request, session);
    return data({ values, fieldErrors: failure.fieldErrors, formError: failure.formError }, { status: failure.status });
  }
}

export default function NewTicket() {
  const result = useActionData<typeof action>();
  const { fileLimit } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === 'submitting';
  const errors: Record<string, string | undefined> = result?.fieldErrors ?? {};
  const values = result?.values;

  return (
    <section className="new-ticket">
      <h1>New ticket</h1>
      <p className="muted">Tell us what is going on. The more detail you give, the faster we can help.</p>
      <FormError message={result?.formError} />
      <Form method="post" encType="multipart/form-data" className="form" data-testid="new-ticket-form" noValidate>
        <Field id="subject" label="Subject" hint="A short summary, for example “Cannot log in to the billing page”." error={errors.subject}>
          {(aria) => <input {...aria} name="subject" type="text" required maxLength={200} defaultValue={values?.subject ?? ''} />}
        </Field>
        <Field
          id="description"
          label="Description"
          hint="What happened, what you expected, and any error message you saw."
          error={errors.description}
        >
          {(aria) => <textarea {...aria} name="description" rows={8} required defaultValue={values?.description ?? ''} />}
        </Field>
        <FilePicker id="files" error={errors.files} limit={fileLimit} />
        <div className="form__row">
          <Field id="urgency" label="How urgent is it?" error={errors.urgency}>
            {(aria) => (
              <select {...aria} name="urgency" defaultValue={values?.urgency ?? 'medium'}>
                {LEVELS.map((level) => (
                  <option key={level} value={level}>
                    {URGENCY_OPTIONS[level]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="importance" label="How much does it affect you?" error={errors.importance}>
            {(aria) => (
              <select {...aria} name="importance" defaultValue={values?.importance ?? 'medium'}>
                {LEVELS.map((level) => (
                  <option key={level} value={level}>
                    {IMPORTANCE_OPTIONS[level]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="form__actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Sending…' : 'Send ticket'}
          </button>
          <Link to="/tickets">Cancel</Link>
        </div>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorView />;
}
