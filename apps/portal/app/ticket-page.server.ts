import { data } from '@remix-run/node';
import { throwApiFailure, type requireApi } from './api.server';
import { FILE_LIMIT } from './attachments.server';
import { loadCatalog, typeFacts } from './custom-fields.server';
import { config } from './config.server';
import { fullLabel, timeLabel, whenLabel } from './format.server';
import { LEVEL_LABELS, ticketNumber } from './labels';
import { commitSession, takeFlash } from './session.server';
import { olderPagesWanted, withOlderPages } from './older-pages.server';
import { zTicketId } from './validation.server';

/** The signed-in customer and their API client (what `requireApi` gives). */
export type SignedIn = Awaited<ReturnType<typeof requireApi>>;

function notFound(): never {
  throw data({ kind: 'not_found', message: 'That ticket does not exist, or you do not have access to it.' }, { status: 404 });
}

/** The ticket id of /tickets/:id; a 404 for anything else. */
export function ticketIdParam(raw: string | undefined): number {
  const parsed = zTicketId.safeParse(raw);
  return parsed.success ? parsed.data : notFound();
}

/** Everything the ticket page shows: the ticket, its public conversation, links, rating and expected answer. */
export async function loadTicketPage(request: Request, { user, session, api }: SignedIn, id: number) {
  const pages = olderPagesWanted(new URL(request.url));
  let ticket, timeline, catalog, rating, links;
  try {
    // Batched into one HTTP request by the tRPC client; older pages ("Load older") follow one by one.
    const [got, first, types, linked] = await Promise.all([
      api.tickets.get.query({ id }),
      api.tickets.timeline.query({ id }),
      loadCatalog(api),
      api.tickets.links.query({ id }),
    ]);
    [ticket, catalog, links] = [got, types, linked.links];
    timeline = await withOlderPages((before) => api.tickets.timeline.query({ id, before }), first, pages);
    rating = ticket.status === 'resolved' || ticket.status === 'closed' ? (await api.satisfaction.forTicket.query({ ticketId: id })).rating : null;
  } catch (error) {
    return throwApiFailure(error, request, session, 'That ticket');
  }
  // When to expect an answer, if the customer's company wants it shown (never fails the page).
  const expected = await api.sla.expectedResponse.query({ ticketId: id }).catch(() => ({ dueAt: null, text: null }));

  const now = new Date();
  const flash = takeFlash(session);
  // The API only sends a customer public entries; the Timeline (viewer "customer") drops anything else again.
  const entries = timeline.entries.filter((e) => e.visibility === 'public' && e.kind !== 'note');
  // Read receipt: the customer has now been shown the newest entry (the agent sees "Seen"). Never fails the page.
  const newest = entries.reduce((max, e) => Math.max(max, Number(e.id)), 0);
  if (newest > 0) await api.live.seen.mutate({ ticketId: id, entryId: newest }).catch(() => undefined);
  // Tickets opened before the description was stored as the first message: show it first, on its own.
  const description = ticket.description.trim();
  const described = entries.some((e) => e.kind === 'message' && e.body.trim() === description);
  const mine = ticket.requester.id === user.id;
  return data(
    {
      ticket: {
        id: ticket.id,
        number: ticketNumber(ticket),
        subject: ticket.subject,
        status: ticket.status,
        urgency: LEVEL_LABELS[ticket.urgency],
        importance: LEVEL_LABELS[ticket.importance],
        createdAt: ticket.createdAt,
        openedLabel: whenLabel(ticket.createdAt, now),
        openedTitle: fullLabel(ticket.createdAt),
      },
      entries,
      links,
      description:
        description && !described && !timeline.hasOlder
          ? {
              author: mine ? 'You' : ticket.requester.name,
              body: ticket.description,
              createdAt: ticket.createdAt,
              time: timeLabel(ticket.createdAt),
              timeTitle: fullLabel(ticket.createdAt),
            }
          : null,
      // Times are rendered from these two on the server and again, identically, on hydration.
      expectedResponse: expected.dueAt ? { label: fullLabel(expected.dueAt), dueAt: expected.dueAt } : null,
      now: now.toISOString(),
      timeZone: config.timeZone,
      userId: user.id,
      rating: rating ? { rating: rating.rating, comment: rating.comment } : null,
      facts: typeFacts(ticket, catalog),
      olderHref: timeline.hasOlder ? `/tickets/${id}?pages=${pages + 1}` : null,
      flash,
      fileLimit: FILE_LIMIT,
    },
    flash ? { headers: { 'Set-Cookie': await commitSession(session) } } : undefined,
  );
}
