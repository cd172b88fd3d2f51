import { Link } from '@remix-run/react';
import type { TicketLink } from '@switchboard/contracts';
import { linkWording, StatusBadge } from '@switchboard/ui';

/** "This request continues on #1003", with the number as a link. */
function LinkSentence({ link }: { link: TicketLink }) {
  const [before, after] = linkWording(link, 'customer');
  return (
    <>
      {before}
      <Link to={`/tickets/${link.ticket.id}`}>#{link.ticket.number}</Link>
      {after}
    </>
  );
}

/**
 * Where this request went or came from. A merge into another request is said up front (that is
 * where the conversation goes on); other links are listed as related requests. The API sends only
 * links to requests the customer may open.
 */
export function LinkedRequests({ links }: { links: TicketLink[] }) {
  const continuesOn = links.find((l) => l.kind === 'merged' && l.direction === 'outgoing');
  const others = links.filter((l) => l !== continuesOn);
  if (!links.length) return null;
  return (
    <>
      {continuesOn ? (
        <p className="notice" data-testid="continues-on">
          <LinkSentence link={continuesOn} />. Please write there.
        </p>
      ) : null}
      {others.length ? (
        <section className="linked-requests" aria-labelledby="linked-requests-title" data-testid="linked-requests">
          <h2 id="linked-requests-title">Related requests</h2>
          <ul>
            {others.map((link) => (
              <li key={`${link.kind}-${link.direction}-${link.ticket.id}`} data-testid="ticket-link" data-kind={link.kind} data-direction={link.direction}>
                <LinkSentence link={link} />: {link.ticket.subject} <StatusBadge status={link.ticket.status} viewer="customer" />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
