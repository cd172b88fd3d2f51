import { Link } from '@remix-run/react';
import type { Ticket, TicketSla } from '@switchboard/contracts';
import { channelLabel, PriorityBadge, RelativeTime, SlaBadges, StatusBadge } from '@switchboard/ui';
import { LiveTicket } from '~/components/LiveTicket';
import { CONFLICT_MESSAGE, type TicketChangeErrors } from '~/ticket-conflict';

export interface TicketHeaderProps {
  ticket: Ticket;
  sla: TicketSla | null;
  userId: number;
  now: string;
  timeZone: string;
  /** The status or priority change that lost to someone else's: said above the page, with a Reload link. */
  conflict: TicketChangeErrors | null;
}

/** The ticket page's head: where it is, number and subject, badges, requester, live updates, a conflict. */
export function TicketHeader({ ticket, sla, userId, now, timeZone, conflict }: TicketHeaderProps) {
  return (
    <header className="sb-ticket__head">
      <p className="sb-ticket__crumbs">
        <Link to="/tickets">Queue</Link> <span aria-hidden="true">/</span> <span>#{ticket.number}</span>
      </p>
      <h1 className="sb-ticket__title">
        <span className="sb-ticket__number">#{ticket.number}</span> {ticket.subject}
      </h1>
      <div className="sb-ticket__meta">
        <StatusBadge status={ticket.status} />
        <PriorityBadge urgency={ticket.urgency} importance={ticket.importance} detailed />
        <SlaBadges sla={sla} now={now} />
        <span>
          from <strong>{ticket.requester.name}</strong>
          {ticket.requester.email ? <span className="sb-muted"> &lt;{ticket.requester.email}&gt;</span> : null}
        </span>
        <span className="sb-muted">
          opened <RelativeTime value={ticket.createdAt} now={now} timeZone={timeZone} /> via {channelLabel(ticket.channel)}
        </span>
      </div>
      <LiveTicket ticketId={ticket.id} userId={userId} loadedAt={now} />
      {conflict ? (
        <p className="sb-alert sb-alert--error" data-testid="error" role="alert">
          {CONFLICT_MESSAGE} <a href={`/tickets/${ticket.id}`}>Reload</a>
          {conflict.detail ? <span className="sb-alert__detail">{conflict.detail}</span> : null}
        </p>
      ) : null}
    </header>
  );
}
