import { Link } from '@remix-run/react';
import type { OutboundMessage } from '@switchboard/contracts';
import { channelLabel, RelativeTime } from '@switchboard/ui';

export interface OutboxTableProps {
  messages: OutboundMessage[];
  now: string;
  timeZone: string;
}

const PREVIEW = 160;

/** What the system sent, or would have sent, by email and SMS. Long bodies open in place. */
export function OutboxTable({ messages, now, timeZone }: OutboxTableProps) {
  return (
    <div className="sb-table-wrap">
      <table className="sb-table sb-outbox" data-testid="outbox-list">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Channel</th>
            <th scope="col">To</th>
            <th scope="col">Message</th>
            <th scope="col">Ticket</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {messages.map((m) => (
            <tr key={m.id} data-testid="outbox-row" data-outbox-id={m.id} data-channel={m.channel} data-ticket-id={m.ticketId ?? undefined}>
              <td className="sb-outbox__when">
                <RelativeTime value={m.createdAt} now={now} timeZone={timeZone} />
              </td>
              <td>
                <span className={`sb-chip sb-chip--${m.channel}`}>{channelLabel(m.channel)}</span>
              </td>
              <td className="sb-outbox__to">{m.recipient}</td>
              <td className="sb-outbox__message">
                {m.subject ? <strong className="sb-outbox__subject">{m.subject}</strong> : null}
                {m.body.length > PREVIEW ? (
                  <details className="sb-outbox__body">
                    <summary>{m.body.slice(0, PREVIEW)}…</summary>
                    <div className="sb-outbox__full">{m.body}</div>
                  </details>
                ) : (
                  <div className="sb-outbox__full">{m.body}</div>
                )}
              </td>
              <td>{m.ticketId ? <Link to={`/tickets/${m.ticketId}`}>#{m.ticketId}</Link> : <span className="sb-muted">—</span>}</td>
              <td>
                <span className={`sb-chip sb-chip--status-${m.status}`}>{m.status}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
