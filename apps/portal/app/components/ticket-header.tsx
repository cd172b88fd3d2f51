import type { ComponentProps } from 'react';
import { StatusBadge } from '@switchboard/ui';
import type { TicketStatus } from '@switchboard/contracts/enums';
import { TicketTypeFacts } from './ticket-type-facts';

export interface TicketHeaderFacts {
  number: string;
  subject: string;
  status: TicketStatus;
  urgency: string;
  importance: string;
  createdAt: string;
  openedLabel: string;
  openedTitle: string;
}

/** The ticket's number, subject and facts: status, when it was opened, the expected answer, urgency, impact, type. */
export function TicketHeader({
  ticket,
  expectedResponse,
  facts,
}: {
  ticket: TicketHeaderFacts;
  expectedResponse: { label: string; dueAt: string } | null;
  facts: ComponentProps<typeof TicketTypeFacts>;
}) {
  return (
    <header className="ticket__header" data-testid="ticket-header">
      <p className="ticket__number">{ticket.number}</p>
      <h1 id="ticket-subject">{ticket.subject}</h1>
      <dl className="ticket__facts">
        <div>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={ticket.status} viewer="customer" data-testid="status-badge" />
          </dd>
        </div>
        <div>
          <dt>Opened</dt>
          <dd>
            <time dateTime={ticket.createdAt} title={ticket.openedTitle}>
              {ticket.openedLabel}
            </time>
          </dd>
        </div>
        {expectedResponse ? (
          <div data-testid="expected-response">
            <dt>Expected answer</dt>
            <dd>
              We aim to answer by <time dateTime={expectedResponse.dueAt}>{expectedResponse.label}</time>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Urgency</dt>
          <dd>{ticket.urgency}</dd>
        </div>
        <div>
          <dt>Impact</dt>
          <dd>{ticket.importance}</dd>
        </div>
      </dl>
      <TicketTypeFacts {...facts} />
    </header>
  );
}
