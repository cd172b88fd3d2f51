import { Link } from '@remix-run/react';
import type { Ticket, TicketSla } from '@switchboard/contracts';
import { channelLabel, RelativeTime, SlaBadges } from '@switchboard/ui';

export interface TicketFactsProps {
  ticket: Ticket;
  sla: TicketSla | null;
  now: string;
  timeZone: string;
}

/** The ticket page's side facts: requester (linked to their profile), assignee, SLA policy, channel, last update. */
export function TicketFacts({ ticket, sla, now, timeZone }: TicketFactsProps) {
  return (
    <dl className="sb-facts">
      <dt>Requester</dt>
      <dd>
        {ticket.requester.role === 'customer' ? (
          <Link to={`/customers/${ticket.requester.id}`} data-testid="requester-profile">
            {ticket.requester.name}
          </Link>
        ) : (
          ticket.requester.name
        )}
        {ticket.requester.email ? <div className="sb-muted sb-facts__sub">{ticket.requester.email}</div> : null}
      </dd>
      <dt>Assignee</dt>
      <dd>{ticket.assignee ? ticket.assignee.name : <span className="sb-muted">Unassigned</span>}</dd>
      {sla ? (
        <>
          <dt>SLA policy</dt>
          <dd data-testid="sla-policy">
            {sla.policyName}
            <div className="sb-muted sb-facts__sub">{sla.reason}</div>
            <SlaBadges sla={sla} now={now} detailed />
          </dd>
        </>
      ) : null}
      <dt>Channel</dt>
      <dd>{channelLabel(ticket.channel)}</dd>
      <dt>Updated</dt>
      <dd>
        <RelativeTime value={ticket.updatedAt} now={now} timeZone={timeZone} />
      </dd>
    </dl>
  );
}
