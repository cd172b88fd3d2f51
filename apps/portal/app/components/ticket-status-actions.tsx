import { Form } from '@remix-run/react';
import type { TicketStatus } from '@switchboard/contracts/enums';

/** Close my ticket (any status but closed) and reopen it (when resolved): one small form each. */
export function TicketStatusActions({ status }: { status: TicketStatus }) {
  if (status === 'closed') return null;
  return (
    <div className="ticket__actions" data-testid="status-actions">
      {status === 'resolved' ? (
        <Form method="post">
          <input type="hidden" name="intent" value="reopen" />
          <button type="submit" className="button button--secondary">
            Reopen ticket
          </button>
        </Form>
      ) : null}
      <Form method="post">
        <input type="hidden" name="intent" value="close" />
        <button type="submit" className="button button--secondary">
          Close ticket
        </button>
      </Form>
    </div>
  );
}
