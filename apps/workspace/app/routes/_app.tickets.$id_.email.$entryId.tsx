import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { zTicketId } from '@switchboard/contracts';
import { apiFailure, notFound } from '~/api.server';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { emailRoutesApi } from '~/email-routes.server';
import { requireAgent } from '~/session.server';

export const meta: MetaFunction = () => [{ title: 'Original email · Switchboard workspace' }];

/** The original of an emailed entry, quoted history and signature included (the timeline folds them away). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, session } = await requireAgent(request);
  const ticketId = zTicketId.safeParse(params.id);
  const entryId = zTicketId.safeParse(params.entryId);
  if (!ticketId.success || !entryId.success) notFound('There is no such email.');
  try {
    const original = await emailRoutesApi(api).email.entryOriginal.query({ ticketId: ticketId.data!, entryId: entryId.data! });
    return { ticketId: ticketId.data!, original };
  } catch (error) {
    return apiFailure(error, request, session, { notFound: 'This entry did not arrive by email, or the ticket does not exist.' });
  }
}

export default function OriginalEmail() {
  const { ticketId, original } = useLoaderData<typeof loader>();
  return (
    <div className="sb-page" data-testid="original-email">
      <p>
        <Link to={`/tickets/${ticketId}#entry-${original.entryId}`}>← Back to #{ticketId}</Link>
      </p>
      <h1 className="sb-page__title">{original.subject || '(no subject)'}</h1>
      <dl className="sb-email-meta">
        <dt>From</dt>
        <dd>{original.from ?? '—'}</dd>
        <dt>To</dt>
        <dd>{original.to.join(', ') || '—'}</dd>
        {original.cc.length ? (
          <>
            <dt>Cc</dt>
            <dd>{original.cc.join(', ')}</dd>
          </>
        ) : null}
        <dt>Message-ID</dt>
        <dd>
          <code>{original.messageId}</code>
        </dd>
        {original.attachments.length ? (
          <>
            <dt>Files</dt>
            <dd>{original.attachments.join(', ')}</dd>
          </>
        ) : null}
      </dl>
      <pre className="sb-email-pre" data-testid="original-text">
        {original.visible}
        {original.folded ? (
          <span className="sb-muted" data-testid="original-folded">
            {'\n\n'}
            {original.folded}
          </span>
        ) : null}
      </pre>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
