import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { StatusBadge, Timeline } from '@switchboard/ui';
import { formFailure, requireApi, throwApiFailure } from '../api.server';
import { FILE_LIMIT, readPostedForm, tooLargeMessage, uploadFiles } from '../attachments.server';
import { Attachments, FilePicker } from '../components/attachments';
import { ErrorView } from '../components/error-view';
import { Field } from '../components/field';
import { RatingForm, SCORE_LABELS } from '../components/rating-form';
import { TicketStatusActions } from '../components/ticket-status-actions';
import { Flash, FormError } from '../components/flash';
import { LinkedRequests } from '../components/linked-requests';
import { LiveTicket } from '../components/live-ticket';
import { TicketTypeFacts } from '../components/ticket-type-facts';
import { loadCatalog, typeFacts } from '../custom-fields.server';
import { config } from '../config.server';
import { fullLabel, timeLabel, whenLabel } from '../format.server';
import { LEVEL_LABELS, ticketNumber } from '../labels';
import { commitSession, takeFlash } from '../session.server';
import { olderPagesWanted, withOlderPages } from '../older-pages.server';
import { zodFieldErrors, zRateTicketInput, zReplyInput, zTicketId } from '../validation.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.ticket.number} ${data.ticket.subject} · Switchboard Support` : 'Ticket · Switchboard Support' },
];

function notFound(): never {
  throw data({ kind: 'not_found', message: 'That ticket does not exist, or you do not have access to it.' }, { status: 404 });
}

function parseId(raw: string | undefined): number {
  const parsed = zTicketId.safeParse(raw);
  return parsed.success ? parsed.data : notFound();
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, session, api } = await requireApi(request);
  const id = parseId(params.id);

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

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, api, token } = await requireApi(request);
  const id = parseId(params.id);
  const { form, files, tooLarge } = await readPostedForm(request);
  const values = { body: String(form.get('body') ?? '') };
  const intent = String(form.get('intent') ?? 'reply');

  if (intent === 'close' || intent === 'reopen' || intent === 'rate') {
    let done: string;
    try {
      if (intent === 'rate') {
        const parsed = zRateTicketInput.safeParse({ ticketId: id, rating: form.get('rating'), comment: String(form.get('comment') ?? '') });
        if (!parsed.success) {
          return data({ values, fieldErrors: { rating: 'Choose a score from 1 to 5.' } as Record<string, string>, formError: null }, { status: 400 });
        }
        await api.satisfaction.rate.mutate(parsed.data);
        done = 'Thank you for your rating.';
      } else {
        await api.tickets[intent].mutate({ id });
        done = intent === 'close' ? 'Your ticket is closed.' : 'Your ticket is open again.';
      }
    } catch (error) {
      const failure = await formFailure(error, request, session);
      return data({ values, fieldErrors: failure.fieldErrors, formError: failure.formError }, { status: failure.status });
    }
    session.flash('flash', done);
    return redirect(`/tickets/${id}`, { headers: { 'Set-Cookie': await commitSession(session) } });
  }

  const parsed = zReplyInput.safeParse({ id, body: values.body, internal: false });
  if (!parsed.success) {
    const fieldErrors = zodFieldErrors(parsed.error);
    if (tooLarge.length) fieldErrors.files = tooLargeMessage(tooLarge);
    return data({ values, fieldErrors, formError: null }, { status: 400 });
  }
  if (tooLarge.length) {
    return data({ values, fieldErrors: { files: tooLargeMessage(tooLarge) }, formError: null }, { status: 413 });
  }
  const uploaded = await uploadFiles(request, token, files);
  if (!uploaded.ok) {
    return data({ values, fieldErrors: { files: uploaded.message }, formError: null }, { status: uploaded.status || 503 });
  }

  let entry;
  try {
    // A customer's reply is always public: the portal never sends internal: true.
    entry = await api.tickets.reply.mutate({ id, body: parsed.data.body ?? '', internal: false, attachmentIds: uploaded.ids });
  } catch (error) {
    const failure = await formFailure(error, request, session);
    return data({ values, fieldErrors: failure.fieldErrors, formError: failure.formError }, { status: failure.status });
  }

  // A reply to a ticket closed long ago opened a new, linked ticket: go there.
  const followUp = entry.ticketId !== id;
  session.flash('flash', followUp ? `Ticket #${id} was closed, so we opened this new ticket with your message.` : 'Your reply was sent.');
  return redirect(`/tickets/${entry.ticketId}#latest`, { headers: { 'Set-Cookie': await commitSession(session) } });
}

/** The ticket's description, for tickets whose timeline does not hold it as a message. */
function Description({ item, latest }: { item: { author: string; body: string; createdAt: string; time: string; timeTitle: string }; latest: boolean }) {
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

export default function TicketPage() {
  const { ticket, entries, links, description, now, timeZone, userId, rating, facts, flash, fileLimit, olderHref, expectedResponse } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const errors: Record<string, string | undefined> = result?.fieldErrors ?? {};
  const lastId = entries.at(-1)?.id ?? (description ? 'description' : undefined);

  return (
    <article className="ticket" aria-labelledby="ticket-subject">
      <p className="back">
        <Link to="/tickets">← My tickets</Link>
      </p>
      <header className="ticket__header" data-testid="ticket-header">
        <p className="ticket__number">{ticket.number}</p>
        <h1 id="ticket-subject">{ticket.subject}</h1>
        <dl className="ticket__facts">
          <div>
            <dt>Status</dt>
            <dd>
              <StatusBadge status={ticket.status} viewer="customer" data-testid="status-badge" />
            </dd>
          </div>
          <div>
            <dt>Opened</dt>
            <dd>
              <time dateTime={ticket.createdAt} title={ticket.openedTitle}>
                {ticket.openedLabel}
              </time>
            </dd>
          </div>
          {expectedResponse ? (
            <div data-testid="expected-response">
              <dt>Expected answer</dt>
              <dd>
                We aim to answer by <time dateTime={expectedResponse.dueAt}>{expectedResponse.label}</time>
              </dd>
            </div>
          ) : null}
          <div>
            <dt>Urgency</dt>
            <dd>{ticket.urgency}</dd>
          </div>
          <div>
            <dt>Impact</dt>
            <dd>{ticket.importance}</dd>
          </div>
        </dl>
        <TicketTypeFacts {...facts} />
      </header>

      <Flash message={flash} />
      <LinkedRequests links={links} />
      <TicketStatusActions status={ticket.status} />

      {ticket.status === 'resolved' || ticket.status === 'closed' ? (
        <section className="reply" aria-labelledby="rating-title" data-testid="rating">
          <h2 id="rating-title">Your rating</h2>
          {rating ? (
            <p data-testid="current-rating">
              You rated this {rating.rating} of 5 ({SCORE_LABELS[rating.rating]}){rating.comment ? `: “${rating.comment}”` : '.'} You can change it below.
            </p>
          ) : null}
          <RatingForm score={rating?.rating ?? null} comment={rating?.comment} error={errors.rating} submitLabel={rating ? 'Update rating' : 'Send rating'} busy={busy} />
        </section>
      ) : null}

      <section aria-labelledby="conversation-title">
        <h2 id="conversation-title" className="visually-hidden">
          Conversation
        </h2>
        {description ? <Description item={description} latest={entries.length === 0} /> : null}
        <Timeline
          entries={entries}
          viewer="customer"
          viewerUserId={userId}
          staffName="Support"
          latestId="latest"
          now={now}
          timeZone={timeZone}
          attachmentUrl={(attachmentId) => `/attachments/${attachmentId}`}
          olderHref={olderHref ?? undefined}
          labels={{ empty: description ? '' : 'No messages yet.' }}
        />
        <LiveTicket ticketId={ticket.id} userId={userId} loadedAt={now} />
      </section>

      <section className="reply" aria-labelledby="reply-title">
        <h2 id="reply-title">Reply</h2>
        {/* intent=reply is the default, so older forms without it keep working. */}
        {ticket.status === 'closed' ? (
          <p className="muted">This ticket is closed. If you still need help, write below or open a new ticket.</p>
        ) : ticket.status === 'waiting_on_customer' ? (
          <p className="notice">Our team is waiting for your answer.</p>
        ) : null}
        <FormError message={result?.formError} />
        <Form method="post" encType="multipart/form-data" className="form" data-testid="reply-form" noValidate>
          <input type="hidden" name="intent" value="reply" />
          <Field id="body" label="Your message" error={errors.body}>
            {/* Keyed by the latest entry so the box empties once the reply shows up (with JavaScript on). */}
            {(aria) => <textarea key={String(lastId)} {...aria} name="body" rows={5} required defaultValue={result?.values.body ?? ''} />}
          </Field>
          <FilePicker key={`files-${String(lastId)}`} id="files" error={errors.files} limit={fileLimit} />
          <div className="form__actions">
            <button type="submit" className="button" disabled={busy}>
              {busy ? 'Sending…' : 'Send reply'}
            </button>
          </div>
        </Form>
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorView notFound="That ticket does not exist, or you do not have access to it." />;
}
