import { Link } from '@remix-run/react';
import type { Ticket, TicketSla, TicketSort } from '@switchboard/contracts';
import { PriorityBadge, RelativeTime, SlaBadges, sortHref, StatusBadge, type QueueFilters } from '@switchboard/ui';
import { BULK_FORM_ID } from './BulkBar';

export interface TicketQueueTableProps {
  tickets: Ticket[];
  /** The SLA of each ticket (sla.forTickets); a countdown badge per running target. */
  slas?: TicketSla[];
  now: string;
  timeZone: string;
  /** With filters the sortable headers become links; without, the table is static. */
  filters?: QueueFilters;
  /** Show a checkbox per row (and "all on this page") that belongs to the bulk form. */
  selectable?: boolean;
}

export function TicketQueueTable({ tickets, slas = [], now, timeZone, filters, selectable = false }: TicketQueueTableProps) {
  const slaOf = new Map(slas.map((s) => [s.ticketId, s]));
  const header = (label: string, column: TicketSort, className?: string) => (
    <SortHeader label={label} column={column} filters={filters} className={className} />
  );
  return (
    <div className="sb-table-wrap">
      <table className="sb-table sb-queue" data-testid="ticket-queue">
        <thead>
          <tr>
            {selectable ? (
              <th scope="col" className="sb-queue__select">
                <input type="hidden" name="pageIds" value={tickets.map((t) => t.id).join(',')} form={BULK_FORM_ID} />
                <input
                  type="checkbox"
                  name="allOnPage"
                  value="true"
                  form={BULK_FORM_ID}
                  aria-label="Select all tickets on this page"
                  data-testid="select-all"
                  onChange={(event) => {
                    const rows = event.currentTarget.closest('table')?.querySelectorAll<HTMLInputElement>('input[name="ids"]') ?? [];
                    for (const box of rows) box.checked = event.currentTarget.checked;
                  }}
                />
              </th>
            ) : null}
            <th scope="col" className="sb-queue__number">#</th>
            <th scope="col">Subject</th>
            <th scope="col" className="sb-queue__requester">Requester</th>
            {header('Status', 'status')}
            {header('Priority', 'priority')}
            {header('SLA', 'due', 'sb-queue__sla')}
            <th scope="col" className="sb-queue__assignee">Assignee</th>
            {header('Created', 'created', 'sb-queue__updated')}
            {header('Updated', 'updated', 'sb-queue__updated')}
          </tr>
        </thead>
        <tbody>
          {tickets.map((ticket) => (
            <tr key={ticket.id} data-testid="ticket-row" data-ticket-id={ticket.id} data-status={ticket.status}>
              {selectable ? (
                <td className="sb-queue__select">
                  <input type="checkbox" name="ids" value={ticket.id} form={BULK_FORM_ID} aria-label={`Select #${ticket.number}`} />
                </td>
              ) : null}
              <td className="sb-queue__number">
                <Link to={`/tickets/${ticket.id}`} tabIndex={-1}>
                  #{ticket.number}
                </Link>
              </td>
              <td className="sb-queue__subject">
                <Link to={`/tickets/${ticket.id}`} className="sb-queue__link">
                  {ticket.subject}
                </Link>
                {ticket.issueType || ticket.tags?.length ? (
                  <span className="sb-queue__tags">
                    {ticket.issueType ? <span className="sb-chip">{ticket.issueType.name}</span> : null}
                    {(ticket.tags ?? []).map((tag) => (
                      <span key={tag} className="sb-chip sb-chip--tag">
                        {tag}
                      </span>
                    ))}
                  </span>
                ) : null}
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
              <td className="sb-queue__sla">
                <SlaBadges sla={slaOf.get(ticket.id)} now={now} />
              </td>
              <td className="sb-queue__assignee">
                {ticket.assignee ? ticket.assignee.name : <span className="sb-muted">Unassigned</span>}
                {ticket.team ? <div className="sb-muted sb-facts__sub">{ticket.team.name}</div> : null}
              </td>
              <td className="sb-queue__updated">
                <RelativeTime value={ticket.createdAt} now={now} timeZone={timeZone} />
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

function SortHeader({ label, column, filters, className }: { label: string; column: TicketSort; filters?: QueueFilters; className?: string }) {
  if (!filters) {
    return (
      <th scope="col" className={className}>
        {label}
      </th>
    );
  }
  const active = (filters.sort ?? 'created') === column;
  const direction = filters.direction ?? 'desc';
  return (
    <th scope="col" className={className} aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}>
      <Link to={sortHref(filters, column)} className="sb-queue__sort" data-testid={`sort-${column}`}>
        {label}
        {active ? <span aria-hidden="true">{direction === 'asc' ? ' ▲' : ' ▼'}</span> : null}
      </Link>
    </th>
  );
}
