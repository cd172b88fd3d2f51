/** The ticket's description, for tickets whose timeline does not hold it as a message. */
export function TicketDescription({ item, latest }: { item: { author: string; body: string; createdAt: string; time: string; timeTitle: string }; latest: boolean }) {
  return (
    <div className="sb-timeline ticket-description">
      <div className="sb-timeline__group sb-timeline__group--customer sb-timeline__group--message">
        <div className="sb-timeline__header">
          <strong className="sb-timeline__author">{item.author}</strong>
        </div>
        <article
          className="sb-entry sb-entry--message"
          data-testid="ticket-description"
          data-kind="message"
          data-visibility="public"
          id={latest ? 'latest' : undefined}
          aria-label={`Message from ${item.author}`}
        >
          <div className="sb-entry__text">{item.body}</div>
          <time className="sb-entry__time" dateTime={item.createdAt} title={item.timeTitle}>
            {item.time}
          </time>
        </article>
      </div>
    </div>
  );
}
