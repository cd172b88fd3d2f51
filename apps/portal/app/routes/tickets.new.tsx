import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { formFailure, requireApi, throwApiFailure } from '../api.server';
import { IssueTypeSection } from '../components/issue-type-section';
import { KbSuggestions } from '../components/kb-suggestions';
import { useState, type FormEvent } from 'react';
import { customFieldErrors, issueTypeFromForm, loadCatalog } from '../custom-fields.server';
import { FILE_LIMIT, readPostedForm, tooLargeMessage, uploadFiles } from '../attachments.server';
import { FilePicker } from '../components/attachments';
import { ErrorView } from '../components/error-view';
import { Field } from '../components/field';
import { FormError } from '../components/flash';
import { IMPORTANCE_OPTIONS, LEVELS, URGENCY_OPTIONS, ticketNumber } from '../labels';
import { commitSession } from '../session.server';
import { zCreateTicketInput, zodFieldErrors } from '../validation.server';

export const meta: MetaFunction = () => [{ title: 'New ticket · Switchboard Support' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, session } = await requireApi(request);
  try {
    // Only active types and their customer-visible fields come back for a customer.
    return { issueTypes: (await loadCatalog(api)).issueTypes, fileLimit: FILE_LIMIT };
  } catch (error) {
    return throwApiFailure(error, request, session, 'The new ticket form');
  }
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

  let catalog;
  try {
    catalog = await loadCatalog(api);
  } catch (error) {
    const failure = await formFailure(error, request, session);
    return data({ values, fieldErrors: failure.fieldErrors, formError: failure.formError }, { status: failure.status });
  }
  const { type, custom } = issueTypeFromForm(catalog, form);
  const typed = { ...values, issueTypeId: type?.id ?? null, raw: custom?.raw ?? {} };
  // "Show fields" (without JavaScript): the same form again, now with the chosen type's fields.
  if (form.get('intent') === 'choose-type') return data({ values: typed, fieldErrors: {}, formError: null });

  const parsed = zCreateTicketInput.safeParse({ ...values, issueTypeId: type?.id ?? null, customFields: custom?.values });
  const localErrors = customFieldErrors(custom?.fieldErrors);
  if (!parsed.success || Object.keys(localErrors).length) {
    const fieldErrors: Record<string, string> = { ...(parsed.success ? {} : zodFieldErrors(parsed.error)), ...localErrors };
    if (tooLarge.length) fieldErrors.files = tooLargeMessage(tooLarge);
    return data({ values: typed, fieldErrors, formError: null }, { status: 400 });
  }
  if (tooLarge.length) {
    return data({ values: typed, fieldErrors: { files: tooLargeMessage(tooLarge) }, formError: null }, { status: 413 });
  }
  // Files first: the ticket is created with their ids in one step, so it never shows up half-attached.
  const uploaded = await uploadFiles(request, token, files);
  if (!uploaded.ok) {
    return data({ values: typed, fieldErrors: { files: uploaded.message }, formError: null }, { status: uploaded.status || 503 });
  }

  try {
    const ticket = await api.tickets.create.mutate({ ...parsed.data, attachmentIds: uploaded.ids });
    session.flash('flash', `Thanks! Ticket ${ticketNumber(ticket)} is open. We will reply here.`);
    return redirect(`/tickets/${ticket.id}`, { headers: { 'Set-Cookie': await commitSession(session) } });
  } catch (error) {
    const failure = await formFailure(error, request, session);
    const fieldErrors = { ...failure.fieldErrors, ...customFieldErrors(failure.fieldErrors) };
    return data({ values: typed, fieldErrors, formError: failure.formError }, { status: failure.status });
  }
}

export default function NewTicket() {
  const result = useActionData<typeof action>();
  const { fileLimit } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === 'submitting';
  const errors: Record<string, string | undefined> = result?.fieldErrors ?? {};
  const values = result?.values;
  const { issueTypes } = useLoaderData<typeof loader>();
  const chosen = values && 'issueTypeId' in values ? values : null;
  // What the customer has typed so far, for the help-center suggestions beside the form.
  const [typed, setTyped] = useState(values ? `${values.subject} ${values.description}` : '');
  const onTyping = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '';
    setTyped(`${field('subject')} ${field('description')}`.trim());
  };

  return (
    <section className="new-ticket">
      <h1>New ticket</h1>
      <p className="muted">Tell us what is going on. The more detail you give, the faster we can help.</p>
      <FormError message={result?.formError} />
      <div className="new-ticket__layout">
        <Form method="post" encType="multipart/form-data" className="form" data-testid="new-ticket-form" noValidate onInput={onTyping}>
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
          <IssueTypeSection issueTypes={issueTypes} selectedId={chosen?.issueTypeId ?? null} raw={chosen?.raw ?? {}} errors={errors} />
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
        {/* Outside the ticket form: its "This solved my problem" buttons post forms of their own. */}
        <KbSuggestions text={typed} />
      </div>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorView />;
}
