import { Form } from '@remix-run/react';
import type { ReactNode } from 'react';
import type { TicketStatus, TimelineEntry } from '@switchboard/contracts';
import { FieldError } from './FieldError';
import { useBusy, type TicketLinksErrors } from './LinkedTickets';

export interface MessageSideFormProps {
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

/**
 * A side form that takes one customer message off this ticket (move, split): the message picker, the
 * form's own fields (children), an optional reason for staff, and the submit button. Field ids and test
 * ids are named after the intent (`move-entry`, `split-submit`, ...).
 */
export function MessageSideForm({
  intent,
  title,
  submit,
  status,
  entries,
  errors,
  children,
}: MessageSideFormProps & { intent: 'move' | 'split'; title: string; submit: { idle: string; busy: string }; children: ReactNode }) {
  const busy = useBusy(intent);
  const messages = entries.filter((e) => e.kind === 'message');
  if (status === 'closed' || messages.length === 0) return null;
  const entryError = errors?.fieldErrors?.entryId;
  return (
    <Form method="post" className="sb-sideform" data-testid={`${intent}-form`}>
      <input type="hidden" name="intent" value={intent} />
      <label className="sb-sideform__label" htmlFor={`${intent}-entry`}>
        {title}
      </label>
      <select
        id={`${intent}-entry`}
        name="entryId"
        defaultValue={errors?.values?.entryId ?? ''}
        aria-invalid={entryError ? true : undefined}
        aria-describedby={entryError ? `${intent}-entry-error` : undefined}
      >
        <option value="">Choose a customer message…</option>
        {messages.map((m) => (
          <option key={m.id} value={m.id}>
            {m.author?.name ? `${m.author.name}: ` : ''}
            {excerpt(m.body)}
          </option>
        ))}
      </select>
      <FieldError id={`${intent}-entry-error`} message={entryError} />
      {children}
      <label className="sb-sideform__label" htmlFor={`${intent}-reason`}>
        Reason <span className="sb-muted">(optional, shown to staff)</span>
      </label>
      <input id={`${intent}-reason`} name="reason" maxLength={255} defaultValue={errors?.values?.reason ?? ''} />
      <FieldError id={`${intent}-reason-error`} message={errors?.fieldErrors?.reason} />
      <button type="submit" className="sb-button sb-button--small" disabled={busy} data-testid={`${intent}-submit`}>
        {busy ? submit.busy : submit.idle}
      </button>
      {errors?.formError ? (
        <p className="sb-alert sb-alert--error sb-alert--small" data-testid="error" role="alert">
          {errors.formError}
        </p>
      ) : null}
    </Form>
  );
}
