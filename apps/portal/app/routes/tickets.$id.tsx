import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { Timeline } from '@switchboard/ui';
import { requireApi } from '../api.server';
import { readPostedForm } from '../attachments.server';
import { ErrorView } from '../components/error-view';
import { Flash } from '../components/flash';
import { LinkedRequests } from '../components/linked-requests';
import { LiveTicket } from '../components/live-ticket';
import { TicketDescription } from '../components/ticket-description';
import { TicketHeader } from '../components/ticket-header';
import { TicketRating } from '../components/ticket-rating';
import { TicketReply } from '../components/ticket-reply';
import { TicketStatusActions } from '../components/ticket-status-actions';
import { changeTicket, isTicketChange, replyToTicket } from '../ticket-actions.server';
import { loadTicketPage, ticketIdParam } from '../ticket-page.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.ticket.number} ${data.ticket.subject} · Switchboard Support` : 'Ticket · Switchboard Support' },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const signedIn = await requireApi(request);
  return loadTicketPage(request, signedIn, ticketIdParam(params.id));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const signedIn = await requireApi(request);
  const id = ticketIdParam(params.id);
  const posted = await readPostedForm(request);
  const values = { body: String(posted.form.get('body') ?? '') };
  const intent = String(posted.form.get('intent') ?? 'reply');
  if (isTicketChange(intent)) return changeTicket(request, signedIn, id, intent, posted.form, values);
  return replyToTicket(request, signedIn, id, posted, values);
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
      <TicketHeader ticket={ticket} expectedResponse={expectedResponse} facts={facts} />

      <Flash message={flash} />
      <LinkedRequests links={links} />
      <TicketStatusActions status={ticket.status} />

      {ticket.status === 'resolved' || ticket.status === 'closed' ? <TicketRating rating={rating} error={errors.rating} busy={busy} /> : null}

      <section aria-labelledby="conversation-title">
        <h2 id="conversation-title" className="visually-hidden">
          Conversation
        </h2>
        {description ? <TicketDescription item={description} latest={entries.length === 0} /> : null}
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

      <TicketReply
        status={ticket.status}
        lastId={lastId === undefined ? undefined : String(lastId)}
        body={result?.values.body ?? ''}
        errors={errors}
        formError={result?.formError}
        fileLimit={fileLimit}
        busy={busy}
      />
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorView notFound="That ticket does not exist, or you do not have access to it." />;
}
