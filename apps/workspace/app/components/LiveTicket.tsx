import { useRevalidator } from '@remix-run/react';
import type { LiveTicketEvent, PresenceEntry, PresenceState } from '@switchboard/contracts';
import { sinceLoaded, useDebounced, useLive } from '@switchboard/ui';
import { useEffect, useState } from 'react';

const BEAT_MS = 10_000;
/** Typing within this long counts as "replying"; after it the agent is back to "viewing". */
const TYPING_MS = 15_000;

const DOING: Record<PresenceEntry['state'], string> = {
  viewing: 'is viewing',
  replying: 'is replying',
  noting: 'is writing a note',
};

function sendPresence(ticketId: number, state: PresenceState, beacon = false) {
  const body = new FormData();
  body.set('ticketId', String(ticketId));
  body.set('state', state);
  if (beacon && navigator.sendBeacon) navigator.sendBeacon('/presence', body);
  else void fetch('/presence', { method: 'POST', body }).catch(() => undefined);
}

/** What this agent is doing on the page: writing in the composer (reply or note) or just looking. */
function currentState(lastTypedAt: number): PresenceState {
  const body = document.getElementById('composer-body') as HTMLTextAreaElement | null;
  if (!body?.value.trim() || Date.now() - lastTypedAt > TYPING_MS) return 'viewing';
  const internal = document.querySelector<HTMLInputElement>('input[name="internal"]:checked')?.value === 'true';
  return internal ? 'noting' : 'replying';
}

/**
 * Keeps the open ticket live: reloads it when something happens on it (a new entry, a change),
 * announces this agent's presence by heartbeat, and shows who else has it open or is answering,
 * so two agents do not answer the same customer.
 */
export function LiveTicket({ ticketId, userId, loadedAt }: { ticketId: number; userId: number; loadedAt: string }) {
  const revalidator = useRevalidator();
  const reload = useDebounced(() => revalidator.revalidate(), 250);
  const [others, setOthers] = useState<PresenceEntry[]>([]);

  useLive<{ id: string; data: LiveTicketEvent }>(
    `ticket:${ticketId}`,
    (client, handlers) => client.live.ticket.subscribe({ ticketId, lastEventId: sinceLoaded(loadedAt) }, handlers),
    // This agent's own changes reloaded the page already (and reloading again would drop its flash message).
    (event) => {
      if (event.data.actorId !== userId) reload();
    },
  );
  useLive<PresenceEntry[]>(
    `presence:${ticketId}`,
    (client, handlers) => client.live.presence.subscribe({ ticketId }, handlers),
    (list) => setOthers(list.filter((p) => p.userId !== userId)),
  );

  useEffect(() => {
    let lastTypedAt = 0;
    let announced: PresenceState = 'viewing';
    sendPresence(ticketId, 'viewing');
    const announce = (force = false) => {
      const state = currentState(lastTypedAt);
      if (force || state !== announced) sendPresence(ticketId, state);
      announced = state;
    };
    const onInput = (event: Event) => {
      const target = event.target as HTMLElement | null;
      if (target?.id === 'composer-body' || (target as HTMLInputElement | null)?.name === 'internal') {
        lastTypedAt = Date.now();
        announce();
      }
    };
    const beat = setInterval(() => announce(true), BEAT_MS);
    const leave = () => sendPresence(ticketId, 'left', true);
    document.addEventListener('input', onInput);
    document.addEventListener('change', onInput);
    window.addEventListener('pagehide', leave);
    return () => {
      clearInterval(beat);
      document.removeEventListener('input', onInput);
      document.removeEventListener('change', onInput);
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [ticketId]);

  if (others.length === 0) return null;
  const answering = others.some((p) => p.state !== 'viewing');
  return (
    <p className={`sb-presence${answering ? ' sb-presence--warn' : ''}`} data-testid="presence" role="status" aria-live="polite">
      {others.map((p, i) => (
        <span key={p.userId} data-testid="presence-entry" data-state={p.state}>
          {i > 0 ? ', ' : ''}
          <strong>{p.name}</strong> {DOING[p.state]}
        </span>
      ))}
      {answering ? <span className="sb-presence__hint"> — check before you answer the customer.</span> : null}
    </p>
  );
}
