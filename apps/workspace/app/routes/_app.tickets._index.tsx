import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { LiveQueue } from '~/components/LiveQueue';
import type { Catalog, SavedView, TicketPage } from '@switchboard/contracts';
import { filtersFromSearch, isFiltered, listInput, queueHref } from '@switchboard/ui';
import { apiFailure } from '~/api.server';
import { BulkBar } from '~/components/BulkBar';
import { BulkSummary } from '~/components/BulkSummary';
import { CursorPager } from '~/components/CursorPager';
import { QueueFilterPanel } from '~/components/QueueFilterPanel';
import { QueueSidebar } from '~/components/QueueSidebar';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { TicketQueueTable } from '~/components/TicketQueueTable';
import { queueAction, type QueueActionResult } from '~/queue-actions.server';
import { queueApi } from '~/queue-api.server';
import { requireAgent } from '~/session.server';

export const meta: MetaFunction = () => [{ title: 'Queue · Switchboard workspace' }];

const PAGE_SIZE = 25;

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, session, timeZone, user } = await requireAgent(request);
  const params = new URL(request.url).searchParams;
  // Unknown keys and invalid values are dropped rather than sent on to fail validation.
  const filters = filtersFromSearch(params);
  const cursor = params.get('cursor')?.slice(0, 200) || undefined;
  const calls = queueApi(api);
  let page: TicketPage;
  let catalog: Catalog;
  let views: SavedView[];
  try {
    // One batched HTTP request.
    [page, catalog, views] = await Promise.all([
      calls.tickets.list.query({ ...listInput(filters), cursor, pageSize: PAGE_SIZE }),
      calls.catalog.get.query(),
      calls.views.list.query(),
    ]);
  } catch (error) {
    return apiFailure(error, request, session);
  }
  // The SLA badges: a second small request, for this page's tickets only. Without them the queue still works.
  const slas = await calls.sla.forTickets.query({ ticketIds: page.items.map((t) => t.id) }).catch(() => []);
  return { ...page, slas, cursor: cursor ?? null, filters, catalog, views, userId: user.id, now: new Date().toISOString(), timeZone };
}

export async function action({ request }: ActionFunctionArgs) {
  const ctx = await requireAgent(request);
  return queueAction(ctx, request, await request.formData());
}

export default function Queue() {
  const { items, slas, total, nextCursor, cursor, filters, catalog, views, userId, now, timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as QueueActionResult | undefined;
  const filtered = isFiltered(filters);
  return (
    <div className="sb-page sb-queue-layout">
      <LiveQueue userId={userId} loadedAt={now} />
      <QueueSidebar filters={filters} views={views} userId={userId} error={actionData?.intent !== 'bulk' ? actionData?.error : undefined} />
      <div className="sb-queue-main">
        <div className="sb-page__head">
          <h1 className="sb-page__title">Queue</h1>
          <span className="sb-page__actions">
            <Link to={queueHref(filters, {}, '/board')} className="sb-button sb-button--small">
              Board
            </Link>
            <Link to="/tickets/new" className="sb-button sb-button--primary sb-button--small">
              New ticket
            </Link>
          </span>
        </div>
        <QueueFilterPanel catalog={catalog} filters={filters} action="/tickets" />
        {actionData?.intent === 'bulk' ? <BulkSummary result={actionData.result} error={actionData.error} /> : null}
        {items.length === 0 ? (
          <div className="sb-empty" data-testid="ticket-queue" data-empty="true">
            {filtered ? (
              <>
                No tickets match these filters. <Link to="/tickets">Clear filters</Link>
              </>
            ) : cursor ? (
              <>
                This page is empty. <Link to={queueHref(filters)}>Back to the first page</Link>
              </>
            ) : (
              'The queue is empty. Nice.'
            )}
          </div>
        ) : (
          <>
            <BulkBar catalog={catalog} />
            <TicketQueueTable tickets={items} slas={slas} now={now} timeZone={timeZone} filters={filters} selectable />
          </>
        )}
        <CursorPager filters={filters} total={total} shown={items.length} nextCursor={nextCursor} paged={Boolean(cursor)} />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
