import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation } from '@remix-run/react';
import { LEVELS, zCreateTicketInput, type Level, type Ticket } from '@switchboard/contracts';
import { levelLabel } from '@switchboard/ui';
import { apiErrorKind, apiFailure, apiFieldErrors } from '~/api.server';
import { FieldError } from '~/components/FieldError';
import { fieldSentence } from '~/fields';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { flash, requireAgent } from '~/session.server';

export const meta: MetaFunction = () => [{ title: 'New ticket · Switchboard workspace' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAgent(request);
  return null;
}

interface NewTicketErrors {
  fieldErrors: Record<string, string>;
  formError?: string;
  values: { subject: string; description: string; urgency: string; importance: string };
}

export async function action({ request }: ActionFunctionArgs) {
  const { api, session } = await requireAgent(request);
  const form = await request.formData();
  const values = {
    subject: String(form.get('subject') ?? ''),
    description: String(form.get('description') ?? ''),
    urgency: String(form.get('urgency') ?? 'medium'),
    importance: String(form.get('importance') ?? 'medium'),
  };

  // The same schema the API applies, so most mistakes are caught without a round trip.
  const parsed = zCreateTicketInput.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'form');
      fieldErrors[field] ??= issue.message;
    }
    return data<NewTicketErrors>({ fieldErrors, values }, { status: 400 });
  }

  let ticket: Ticket;
  try {
    ticket = (await api.tickets.create.mutate(parsed.data)) as Ticket;
  } catch (error) {
    if (apiErrorKind(error) === 'bad_request') {
      return data<NewTicketErrors>({ fieldErrors: apiFieldErrors(error), values }, { status: 400 });
    }
    return apiFailure(error, request, session);
  }
  return redirect(`/tickets/${ticket.id}`, {
    headers: await flash(session, { kind: 'success', message: `Ticket #${ticket.number} created.` }),
  });
}

const FIELD_LABELS: Record<string, string> = { subject: 'Subject', description: 'Description' };

export default function NewTicket() {
  const result = useActionData<typeof action>() as NewTicketErrors | undefined;
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle' && navigation.formMethod === 'POST';
  const errors = result?.fieldErrors ?? {};
  const values = result?.values;
  const levels = [...LEVELS].reverse() as Level[];
  const unplaced = Object.entries(errors).filter(([field]) => !['subject', 'description', 'urgency', 'importance'].includes(field));

  return (
    <div className="sb-page sb-page--narrow">
      <p className="sb-ticket__crumbs">
        <Link to="/tickets">Queue</Link> <span aria-hidden="true">/</span> <span>New ticket</span>
      </p>
      <h1 className="sb-page__title">New ticket</h1>
      {unplaced.length ? (
        <p className="sb-alert sb-alert--error" data-testid="error" role="alert">
          {unplaced.map(([field, message]) => `${field}: ${message}`).join(' · ')}
        </p>
      ) : null}
      <Form method="post" className="sb-form" data-testid="new-ticket-form" noValidate>
        {(['subject', 'description'] as const).map((field) => (
          <div className="sb-field" key={field}>
            <label htmlFor={`ticket-${field}`}>{FIELD_LABELS[field]}</label>
            {field === 'subject' ? (
              <input
                id="ticket-subject"
                name="subject"
                maxLength={200}
                required
                defaultValue={values?.subject}
                aria-invalid={errors.subject ? true : undefined}
                aria-describedby={errors.subject ? 'ticket-subject-error' : undefined}
              />
            ) : (
              <textarea
                id="ticket-description"
                name="description"
                rows={8}
                required
                defaultValue={values?.description}
                aria-invalid={errors.description ? true : undefined}
                aria-describedby={errors.description ? 'ticket-description-error' : undefined}
              />
            )}
            <FieldError id={`ticket-${field}-error`} message={fieldSentence(FIELD_LABELS[field]!, errors[field])} />
          </div>
        ))}
        <div className="sb-form__row">
          {(['urgency', 'importance'] as const).map((field) => (
            <div className="sb-field" key={field}>
              <label htmlFor={`ticket-${field}`}>{field === 'urgency' ? 'Urgency' : 'Importance'}</label>
              <select id={`ticket-${field}`} name={field} defaultValue={values?.[field] ?? 'medium'}>
                {levels.map((l) => (
                  <option key={l} value={l}>
                    {levelLabel(l)}
                  </option>
                ))}
              </select>
              <FieldError id={`ticket-${field}-error`} message={fieldSentence(field === 'urgency' ? 'Urgency' : 'Importance', errors[field])} />
            </div>
          ))}
        </div>
        <div className="sb-form__actions">
          <button type="submit" className="sb-button sb-button--primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create ticket'}
          </button>
          <Link to="/tickets" className="sb-button sb-button--quiet">
            Cancel
          </Link>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
