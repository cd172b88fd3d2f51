import { Form } from '@remix-run/react';
import type { TicketStatus, TimelineEntry } from '@switchboard/contracts';
import { FieldError } from './FieldError';
import { useBusy, type TicketLinksErrors } from './LinkedTickets';

export interface SplitFormProps {
  status: TicketStatus;
  /** The timeline entries on the page; its customer messages are offered. */
  entries: Pick<TimelineEntry, 'id' | 'kind' | 'body' | 'author'>[];
  errors?: TicketLinksErrors;
}

const EXCERPT = 60;

function excerpt(body: string): string {
  const text = body.replace(/\s+/g, ' ').trim();
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text || '(no text)';
}

/** Moves one customer message to a new ticket of the same requester, linked to this one. */
export function SplitForm({ status, entries, errors }: SplitFormProps) {
  const busy = useBusy('split');
  const messages = entries.filter((e) => e.kind === 'message');
  if (status === 'closed' || messages.length === 0) return null;
  const entryError = errors?.fieldErrors?.entryId;
  const subjectError = errors?.fieldErrors?.subject;
  return (
    <Form method="post" className="sb-sideform" data-testid="split-form">
      <input type="hidden" name="intent" value="split" />
      <label className="sb-sideform__label" htmlFor="split-entry">
        Split a message into a new ticket
      </label>
      <select
        id="split-entry"
        name="entryId"
        defaultValue={errors?.values?.entryId ?? ''}
        aria-invalid={entryError ? true : undefined}
        aria-describedby={entryError ? 'split-entry-error' : undefined}
      >
        <option value="">Choose a customer message…</option>
        {messages.map((m) => (
          <option key={m.id} value={m.id}>
            {m.author?.name ? `${m.author.name}: ` : ''}
            {excerpt(m.body)}
          </option>
        ))}
      </select>
      <FieldError id="split-entry-error" message={entryError} />
      <label className="sb-sideform__label" htmlFor="split-subject">
        Subject <span className="sb-muted">(optional: the message’s first line)</span>
      </label>
      <input
        id="split-subject"
        name="subject"
        maxLength={200}
        defaultValue={errors?.values?.subject ?? ''}
        aria-describedby={subjectError ? 'split-subject-error' : undefined}
      />
      <FieldError id="split-subject-error" message={subjectError} />
      <button type="submit" className="sb-button sb-button--small" disabled={busy} data-testid="split-submit">
        {busy ? 'Splitting…' : 'Split into new ticket'}
      </button>
      {errors?.formError ? (
        <p className="sb-alert sb-alert--error sb-alert--small" data-testid="error" role="alert">
          {errors.formError}
        </p>
      ) : null}
    </Form>
  );
}
