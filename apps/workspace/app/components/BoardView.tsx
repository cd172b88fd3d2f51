import { Form, Link, useFetcher } from '@remix-run/react';
import { LEVELS, type Level, type Ticket, type TicketStatus } from '@switchboard/contracts';
import { levelLabel, PriorityBadge, statusLabel } from '@switchboard/ui';
import { useState, type DragEvent } from 'react';

export const BOARD_STATUSES: readonly TicketStatus[] = ['open', 'in_progress', 'waiting_on_customer', 'on_hold', 'resolved'];
export type Swimlanes = 'none' | 'urgency' | 'assignee';

interface Lane {
  id: string;
  label: string;
  tickets: Ticket[];
}

function lanesOf(tickets: Ticket[], by: Swimlanes): Lane[] {
  if (by === 'urgency') {
    return [...LEVELS].reverse().map((level: Level) => ({
      id: level,
      label: `${levelLabel(level)} urgency`,
      tickets: tickets.filter((t) => t.urgency === level),
    }));
  }
  if (by === 'assignee') {
    const lanes = new Map<string, Lane>([['none', { id: 'none', label: 'Unassigned', tickets: [] }]]);
    for (const t of tickets) {
      const id = t.assignee ? String(t.assignee.id) : 'none';
      if (!lanes.has(id)) lanes.set(id, { id, label: t.assignee!.name, tickets: [] });
      lanes.get(id)!.tickets.push(t);
    }
    return [...lanes.values()];
  }
  return [{ id: 'all', label: '', tickets }];
}

/**
 * Kanban by status. A card is dragged (HTML5 drag and drop) to another column, which sends
 * tickets.update with the card's version; every card also has a small status form, which is the
 * keyboard and no-JavaScript way to move it. The action redirects back, so the board reloads either way
 * and a conflict shows as the flash message.
 */
export function BoardView({ tickets, swimlanes }: { tickets: Ticket[]; swimlanes: Swimlanes }) {
  const fetcher = useFetcher();
  const [over, setOver] = useState<string | null>(null);
  const pendingId = fetcher.state !== 'idle' ? String(fetcher.formData?.get('id') ?? '') : null;
  const pendingStatus = pendingId ? String(fetcher.formData?.get('status')) : null;

  function drop(event: DragEvent<HTMLElement>, status: TicketStatus) {
    event.preventDefault();
    setOver(null);
    const id = event.dataTransfer.getData('text/plain');
    const ticket = tickets.find((t) => String(t.id) === id);
    if (!ticket || ticket.status === status) return;
    fetcher.submit({ intent: 'move', id: String(ticket.id), version: String(ticket.version), status }, { method: 'post' });
  }

  const shown = tickets.map((t) => (String(t.id) === pendingId && pendingStatus ? { ...t, status: pendingStatus as TicketStatus } : t));
  return (
    <div className="sb-board" data-testid="board" data-swimlanes={swimlanes}>
      {lanesOf(shown, swimlanes).map((lane) => (
        <section key={lane.id} className="sb-board__lane" data-testid="board-lane" data-lane={lane.id} aria-label={lane.label || 'Tickets'}>
          {lane.label ? <h2 className="sb-board__lane-title">{lane.label}</h2> : null}
          <div className="sb-board__columns">
            {BOARD_STATUSES.map((status) => {
              const cards = lane.tickets.filter((t) => t.status === status);
              const key = `${lane.id}:${status}`;
              return (
                <section
                  key={status}
                  className={`sb-board__column${over === key ? ' sb-board__column--over' : ''}`}
                  data-testid="board-column"
                  data-status={status}
                  aria-label={statusLabel(status, 'agent')}
                  onDragOver={(e) => {
                    e.preventDefault();
                    e.dataTransfer.dropEffect = 'move';
                    if (over !== key) setOver(key);
                  }}
                  onDragLeave={() => setOver((o) => (o === key ? null : o))}
                  onDrop={(e) => drop(e, status)}
                >
                  <h3 className="sb-board__column-title">
                    {statusLabel(status, 'agent')} <span className="sb-muted">{cards.length}</span>
                  </h3>
                  {cards.map((t) => (
                    <BoardCard key={t.id} ticket={t} pending={String(t.id) === pendingId} />
                  ))}
                </section>
              );
            })}
          </div>
        </section>
      ))}
    </div>
  );
}

function BoardCard({ ticket, pending }: { ticket: Ticket; pending: boolean }) {
  return (
    <article
      className={`sb-card${pending ? ' sb-card--pending' : ''}`}
      data-testid="board-card"
      data-ticket-id={ticket.id}
      data-version={ticket.version}
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', String(ticket.id));
        e.dataTransfer.effectAllowed = 'move';
      }}
    >
      <p className="sb-card__head">
        <Link to={`/tickets/${ticket.id}`} className="sb-card__number">
          #{ticket.number}
        </Link>
        <PriorityBadge urgency={ticket.urgency} importance={ticket.importance} />
      </p>
      <p className="sb-card__subject">
        <Link to={`/tickets/${ticket.id}`}>{ticket.subject}</Link>
      </p>
      <p className="sb-card__assignee sb-muted">{ticket.assignee ? ticket.assignee.name : 'Unassigned'}</p>
      <Form method="post" className="sb-card__move">
        <input type="hidden" name="intent" value="move" />
        <input type="hidden" name="id" value={ticket.id} />
        <input type="hidden" name="version" value={ticket.version} />
        <label className="sb-visually-hidden" htmlFor={`move-${ticket.id}`}>
          Status of #{ticket.number}
        </label>
        <select id={`move-${ticket.id}`} name="status" defaultValue={ticket.status} key={ticket.status}>
          {BOARD_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s, 'agent')}
            </option>
          ))}
        </select>
        <button type="submit" className="sb-button sb-button--small">
          Move
        </button>
      </Form>
    </article>
  );
}
