import { Link } from '@remix-run/react';
import type { Ticket } from '@switchboard/contracts';
import { PriorityBadge, RelativeTime, StatusBadge } from '@switchboard/ui';

export interface TicketQueueTableProps {
  tickets: Ticket[];
  now: string;
  timeZone: string;
}

export function TicketQueueTable({ tickets, now, timeZone }: TicketQueueTableProps) {
  return (
    <div className="sb-table-wrap">
      <table className="sb-table sb-queue" data-testid="ticket-queue">
        <thead>
          <tr>
            <th scope="col" className="sb-queue__number">#</th>
            <th scope="col">Subject</th>
            <th scope="col" className="sb-queue__requester">Requester</th>
            <th scope="col">Status</th>
            <th scope="col">Priority</th>
            <th scope="col" className="sb-queue__assignee">Assignee</th>
            <th scope="col" className="sb-queue__updated">Updated</th>
          </tr>
        </thead>
        <tbody>
          {tickets.map((ticket) => (
            <tr key={ticket.id} data-testid="ticket-row" data-ticket-id={ticket.id} data-status={ticket.status}>
              <td className="sb-queue__number">
                <Link to={`/tickets/${ticket.id}`} tabIndex={-1}>
                  #{ticket.number}
                </Link>
              </td>
              <td className="sb-queue__subject">
                <Link to={`/tickets/${ticket.id}`} className="sb-queue__link">
                  {ticket.subject}
                </Link>
              </td>
              <td className="sb-queue__requester" title={ticket.requester.email ?? undefined}>
                {ticket.requester.name}
              </td>
              <td>
                <StatusBadge status={ticket.status} />
              </td>
              <td>
                <PriorityBadge urgency={ticket.urgency} importance={ticket.importance} />
              </td>
              <td className="sb-queue__assignee">
                {ticket.assignee ? ticket.assignee.name : <span className="sb-muted">Unassigned</span>}
              </td>
              <td className="sb-queue__updated">
                <RelativeTime value={ticket.updatedAt} now={now} timeZone={timeZone} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
