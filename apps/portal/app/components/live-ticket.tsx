import { useRevalidator } from '@remix-run/react';
import type { LiveTicketEvent, PresenceEntry } from '@switchboard/contracts';
import { sinceLoaded, useDebounced, useLive } from '@switchboard/ui';
import { useState } from 'react';

/**
 * Keeps the customer's open ticket live: a new reply (or a status change) reloads the page's data,
 * and while an agent writes a public reply a typing indicator shows. The API sends a customer only
 * public entries of their own ticket, and presence only as "Support is replying" (no names).
 */
export function LiveTicket({ ticketId, userId, loadedAt }: { ticketId: number; userId: number; loadedAt: string }) {
  const revalidator = useRevalidator();
  const reload = useDebounced(() => revalidator.revalidate(), 250);
  const [writers, setWriters] = useState<PresenceEntry[]>([]);
  useLive<{ id: string; data: LiveTicketEvent }>(
    `ticket:${ticketId}`,
    (client, handlers) => client.live.ticket.subscribe({ ticketId, lastEventId: sinceLoaded(loadedAt) }, handlers),
    // The customer's own changes reloaded the page already (and reloading again would drop its flash message).
    (event) => {
      if (event.data.actorId !== userId) reload();
    },
  );
  useLive<PresenceEntry[]>(
    `presence:${ticketId}`,
    (client, handlers) => client.live.presence.subscribe({ ticketId }, handlers),
    (list) => setWriters(list.filter((p) => p.state === 'replying')),
  );
  if (writers.length === 0) return null;
  return (
    <p className="typing" data-testid="typing" role="status" aria-live="polite">
      <span className="typing__dots" aria-hidden="true">
        <span />
        <span />
        <span />
      </span>
      Support is writing a reply…
    </p>
  );
}
