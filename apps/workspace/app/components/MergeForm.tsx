import { Form } from '@remix-run/react';
import type { Ticket } from '@switchboard/contracts';
import { FieldError } from './FieldError';
import { useBusy, type TicketLinksErrors } from './LinkedTickets';

export interface MergeFormProps {
  ticket: Pick<Ticket, 'id' | 'number' | 'status'>;
  errors?: TicketLinksErrors;
}

/** Merges this ticket (a duplicate) into another of the same requester; the page then shows the target. */
export function MergeForm({ ticket, errors }: MergeFormProps) {
  const busy = useBusy('merge');
  if (ticket.status === 'closed') return null;
  const error = errors?.fieldErrors?.targetId;
  return (
    <Form method="post" className="sb-sideform" data-testid="merge-form">
      <input type="hidden" name="intent" value="merge" />
      <label className="sb-sideform__label" htmlFor="merge-target">
        Merge into… ticket #
      </label>
      <p className="sb-sideform__hint" id="merge-explain">
        Every message, note and file of #{ticket.number} moves to the ticket you name, in time order, and #{ticket.number} is closed
        with a link to it. Both must belong to the same requester. This cannot be undone.
      </p>
      <div className="sb-sideform__row">
        <input
          id="merge-target"
          name="targetId"
          type="number"
          min={1}
          inputMode="numeric"
          required
          defaultValue={errors?.values?.targetId ?? ''}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'merge-explain merge-target-error' : 'merge-explain'}
        />
        <button type="submit" className="sb-button sb-button--small" disabled={busy} data-testid="merge-submit">
          {busy ? 'Merging…' : 'Merge'}
        </button>
      </div>
      <FieldError id="merge-target-error" message={error} />
      {errors?.formError ? (
        <p className="sb-alert sb-alert--error sb-alert--small" data-testid="error" role="alert">
          {errors.formError}
        </p>
      ) : null}
    </Form>
  );
}
