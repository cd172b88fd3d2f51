import { Form, useNavigation } from '@remix-run/react';
import { TICKET_STATUSES, type TicketStatus } from '@switchboard/contracts';
import { statusLabel } from '@switchboard/ui';

export interface StatusFormProps {
  status: TicketStatus;
  version: number;
  error?: string;
}

/** Changes the status; carries the version the agent saw, so a concurrent change is refused, not overwritten. */
export function StatusForm({ status, version, error }: StatusFormProps) {
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'status';
  // Closed is final (the API allows no transition out of it): show it, offer nothing.
  const final = status === 'closed';
  return (
    <Form method="post" className="sb-sideform" data-testid="status-form" key={`${status}-${version}`}>
      <input type="hidden" name="intent" value="status" />
      <input type="hidden" name="version" value={version} />
      <label htmlFor="ticket-status" className="sb-sideform__label">
        Status
      </label>
      <div className="sb-sideform__row">
        <select id="ticket-status" name="status" defaultValue={status} disabled={final}>
          {TICKET_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s, 'agent')}
            </option>
          ))}
        </select>
        <button type="submit" className="sb-button sb-button--small" disabled={busy || final}>
          {busy ? 'Saving…' : 'Update'}
        </button>
      </div>
      {final ? <p className="sb-sideform__hint">Closed tickets stay closed.</p> : null}
      {error ? (
        <p className="sb-alert sb-alert--error sb-alert--small" data-testid="error" role="alert">
          {error}
        </p>
      ) : null}
    </Form>
  );
}
