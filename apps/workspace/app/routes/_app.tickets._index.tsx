import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { LEVELS, TICKET_STATUSES, type Level, type TicketPage, type TicketStatus } from '@switchboard/contracts';
import { apiFailure } from '~/api.server';
import { Pagination } from '~/components/Pagination';
import { QueueFilters } from '~/components/QueueFilters';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { TicketQueueTable } from '~/components/TicketQueueTable';
import { requireAgent } from '~/session.server';

export const meta: MetaFunction = () => [{ title: 'Queue · Switchboard workspace' }];

const PAGE_SIZE = 25;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.includes(value as T) ? (value as T) : undefined;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, session, timeZone } = await requireAgent(request);
  const params = new URL(request.url).searchParams;
  // Unknown filter values are ignored rather than sent on to fail validation.
  const filters = {
    status: oneOf<TicketStatus>(TICKET_STATUSES, params.get('status')),
    urgency: oneOf<Level>(LEVELS, params.get('urgency')),
    importance: oneOf<Level>(LEVELS, params.get('importance')),
  };
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);

  let result: TicketPage;
  try {
    result = (await api.tickets.list.query({ ...filters, page, pageSize: PAGE_SIZE })) as TicketPage;
  } catch (error) {
    return apiFailure(error, request, session);
  }
  return { ...result, filters, now: new Date().toISOString(), timeZone };
}

export default function Queue() {
  const { items, total, page, pageSize, filters, now, timeZone } = useLoaderData<typeof loader>();
  const filtered = Boolean(filters.status || filters.urgency || filters.importance);
  return (
    <div className="sb-page">
      <div className="sb-page__head">
        <h1 className="sb-page__title">Queue</h1>
        <Link to="/tickets/new" className="sb-button sb-button--primary sb-button--small">
          New ticket
        </Link>
      </div>
      <QueueFilters values={filters} />
      {items.length === 0 ? (
        <div className="sb-empty" data-testid="ticket-queue" data-empty="true">
          {filtered ? (
            <>
              No tickets match these filters. <Link to="/tickets">Clear filters</Link>
            </>
          ) : page > 1 ? (
            <>
              This page is empty. <Link to="/tickets">Back to the first page</Link>
            </>
          ) : (
            'The queue is empty. Nice.'
          )}
        </div>
      ) : (
        <TicketQueueTable tickets={items} now={now} timeZone={timeZone} />
      )}
      <Pagination page={page} pageSize={pageSize} total={total} noun="tickets" />
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
