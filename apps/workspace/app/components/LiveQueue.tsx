import { useRevalidator } from '@remix-run/react';
import type { LiveTicketEvent } from '@switchboard/contracts';
import { sinceLoaded, useDebounced, useLive } from '@switchboard/ui';

/** Reloads the queue (with its filters and page) when a ticket is created, assigned or changes status. */
export function LiveQueue({ userId, loadedAt }: { userId: number; loadedAt: string }) {
  const revalidator = useRevalidator();
  const reload = useDebounced(() => revalidator.revalidate(), 500);
  useLive<{ id: string; data: LiveTicketEvent }>(
    'queue',
    (client, handlers) => client.live.queue.subscribe({ lastEventId: sinceLoaded(loadedAt) }, handlers),
    // This agent's own changes (bulk actions) reloaded the page already.
    (event) => {
      if (event.data.actorId !== userId) reload();
    },
  );
  return null;
}
