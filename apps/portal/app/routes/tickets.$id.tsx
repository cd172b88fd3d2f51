import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { formFailure, requireApi, throwApiFailure } from '../api.server';
import { ErrorView } from '../components/error-view';
import { Field } from '../components/field';
import { Flash, FormError } from '../components/flash';
import { StatusBadge } from '../components/status-badge';
import { fullLabel, whenLabel } from '../format.server';
import { LEVEL_LABELS, ticketNumber } from '../labels';
import { commitSession, takeFlash } from '../session.server';
import { buildTimeline, olderPagesWanted, withOlderPages, type TimelineItem } from '../timeline.server';
import { zodFieldErrors, zReplyInput, zTicketId } from '../validation.server';

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
  let ticket, timeline;
  try {
    // Batched into one HTTP request by the tRPC client; older pages ("Load older") follow one by one.
    const [got, first] = await Promise.all([api.tickets.get.query({ id }), api.tickets.timeline.query({ id })]);
    ticket = got;
    timeline = await withOlderPages((before) => api.tickets.timeline.query({ id, before }), first, pages);
  } catch (error) {
    return throwApiFailure(error, request, session, 'That ticket');
  }

  const now = new Date();
  const flash = takeFlash(session);
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
      days: buildTimeline(ticket, timeline.entries, user, now, timeline.hasOlder),
      olderHref: timeline.hasOlder ? `/tickets/${id}?pages=${pages + 1}` : null,
      flash,
    },
    flash ? { headers: { 'Set-Cookie': await commitSession(session) } } : undefined,
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, api } = await requireApi(request);
  const id = parseId(params.id);
  const form = await request.formData();
  const values = { body: String(form.get('body') ?? '') };

  const parsed = zReplyInput.safeParse({ id, body: values.body, internal: false });
  if (!parsed.success) {
    return data({ values, fieldErrors: zodFieldErrors(parsed.error), formError: null }, { status: 400 });
  }

  try {
    // A customer's reply is always public: the portal never sends internal: true.
    await api.tickets.reply.mutate({ id, body: parsed.data.body ?? '', internal: false });
  } catch (error) {
    const failure = await formFailure(error, request, session);
    return data({ values, fieldErrors: failure.fieldErrors, formError: failure.formError }, { status: failure.status });
  }

  session.flash('flash', 'Your reply was sent.');
  return redirect(`/tickets/${id}#latest`, { headers: { 'Set-Cookie': await commitSession(session) } });
}

function Entry({ item, latest }: { item: TimelineItem; latest: boolean }) {
  const common = {
    id: latest ? 'latest' : undefined,
    'data-kind': item.kind,
    'data-visibility': item.visibility,
  };
  const time = (
    <time dateTime={item.createdAt} title={item.timeTitle}>
      {item.time}
    </time>
  );

  if (item.side === 'event') {
    return (
      <li className="entry entry--event" data-testid="timeline-entry" {...common}>
        <span className="pill">
          <span className="visually-hidden">Update: </span>
          {item.body} <span className="pill__time">· {time}</span>
        </span>
      </li>
    );
  }

  return (
    <li
      className={`entry entry--${item.side}${item.mine ? ' entry--mine' : ''}`}
      data-testid={item.id === 'description' ? 'ticket-description' : 'timeline-entry'}
      {...common}
    >
      <article className="bubble" aria-label={`${item.author} at ${item.time}`}>
        <header className="bubble__head">
          <span className="bubble__author">{item.author}</span>
          {time}
        </header>
        {item.html ? (
          // Sanitized by the API (no script, iframes, handlers or unsafe links): only that makes this safe.
          <div className="bubble__body bubble__body--html" dangerouslySetInnerHTML={{ __html: item.html }} />
        ) : (
          <div className="bubble__body">{item.body}</div>
        )}
      </article>
    </li>
  );
}

export default function TicketPage() {
  const { ticket, days, flash, olderHref } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const errors: Record<string, string | undefined> = result?.fieldErrors ?? {};
  const last = days.at(-1)?.items.at(-1);

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
              <StatusBadge status={ticket.status} />
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
          <div>
            <dt>Urgency</dt>
            <dd>{ticket.urgency}</dd>
          </div>
          <div>
            <dt>Impact</dt>
            <dd>{ticket.importance}</dd>
          </div>
        </dl>
      </header>

      <Flash message={flash} />

      <section aria-labelledby="conversation-title">
        <h2 id="conversation-title" className="visually-hidden">
          Conversation
        </h2>
        {days.length === 0 ? <p className="muted">No messages yet.</p> : null}
        {olderHref ? (
          <p className="load-older">
            <a href={olderHref} data-testid="timeline-load-older" rel="nofollow">
              Load older messages
            </a>
          </p>
        ) : null}
        <ol className="timeline" data-testid="timeline">
          {days.map((day) => (
            <li key={day.key} className="timeline__day">
              <h3 className="day-separator">
                <span>{day.label}</span>
              </h3>
              <ol className="timeline__entries">
                {day.items.map((item) => (
                  <Entry key={item.id} item={item} latest={item === last} />
                ))}
              </ol>
            </li>
          ))}
        </ol>
      </section>

      <section className="reply" aria-labelledby="reply-title">
        <h2 id="reply-title">Reply</h2>
        {ticket.status === 'closed' ? (
          <p className="muted">This ticket is closed. If you still need help, write below or open a new ticket.</p>
        ) : ticket.status === 'waiting_on_customer' ? (
          <p className="notice">Our team is waiting for your answer.</p>
        ) : null}
        <FormError message={result?.formError} />
        <Form method="post" className="form" data-testid="reply-form" noValidate>
          <Field id="body" label="Your message" error={errors.body}>
            {/* Keyed by the latest entry so the box empties once the reply shows up (with JavaScript on). */}
            {(aria) => <textarea key={String(last?.id)} {...aria} name="body" rows={5} required defaultValue={result?.values.body ?? ''} />}
          </Field>
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
