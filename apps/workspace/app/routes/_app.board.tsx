import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { TICKET_STATUSES, type Catalog, type TicketPage, type TicketStatus } from '@switchboard/contracts';
import { filtersFromSearch, listInput, queueHref, statusLabel } from '@switchboard/ui';
import { apiErrorKind, apiFailure, apiFieldErrors } from '~/api.server';
import { BOARD_STATUSES, BoardView, type Swimlanes } from '~/components/BoardView';
import { QueueFilterPanel } from '~/components/QueueFilterPanel';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { queueApi } from '~/queue-api.server';
import { flash, requireAgent, returnPath } from '~/session.server';

export const meta: MetaFunction = () => [{ title: 'Board · Switchboard workspace' }];

/** The board shows at most this many tickets (the API's page limit); filters narrow it. */
const BOARD_SIZE = 100;

function swimlanesOf(params: URLSearchParams): Swimlanes {
  const lanes = params.get('lanes');
  return lanes === 'urgency' || lanes === 'assignee' ? lanes : 'none';
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, session } = await requireAgent(request);
  const params = new URL(request.url).searchParams;
  const filters = filtersFromSearch(params);
  const input = listInput(filters);
  // Closed tickets have no column; unless the filter says otherwise, ask only for the board's statuses.
  if (!filters.status) input.status = [...BOARD_STATUSES];
  let page: TicketPage;
  let catalog: Catalog;
  try {
    [page, catalog] = await Promise.all([
      queueApi(api).tickets.list.query({ ...input, pageSize: BOARD_SIZE }),
      queueApi(api).catalog.get.query(),
    ]);
  } catch (error) {
    return apiFailure(error, request, session);
  }
  return { tickets: page.items, total: page.total, totalCapped: page.totalCapped, filters, catalog, swimlanes: swimlanesOf(params) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { api, session } = await requireAgent(request);
  const form = await request.formData();
  const back = returnPath(request);
  const id = Number(form.get('id'));
  const version = Number(form.get('version'));
  const status = String(form.get('status') ?? '') as TicketStatus;
  if (form.get('intent') !== 'move' || !Number.isInteger(id) || !Number.isInteger(version) || !TICKET_STATUSES.includes(status)) {
    return data({ error: 'Choose a ticket and a status.' }, { status: 400 });
  }
  try {
    await queueApi(api).tickets.update.mutate({ id, version, status });
  } catch (error) {
    const kind = apiErrorKind(error);
    if (kind === 'conflict' || kind === 'bad_request') {
      // The API's conflict message says who changed the ticket and when; the board reloads with the latest.
      const detail = kind === 'bad_request' ? Object.values(apiFieldErrors(error))[0] : undefined;
      const message =
        kind === 'conflict'
          ? `#${id} was not moved: ${error instanceof Error ? error.message : 'it changed meanwhile'}. The board shows the latest now.`
          : `#${id} cannot move to ${statusLabel(status, 'agent')}: ${detail ?? (error instanceof Error ? error.message : 'refused')}.`;
      return redirect(back, { headers: await flash(session, { kind: 'error', message }) });
    }
    return apiFailure(error, request, session, { notFound: `Ticket ${id} does not exist, or it was deleted.` });
  }
  return redirect(back, { headers: await flash(session, { kind: 'success', message: `#${id} moved to ${statusLabel(status, 'agent')}.` }) });
}

const LANE_LABELS: Record<Swimlanes, string> = { none: 'No swimlanes', urgency: 'By urgency', assignee: 'By assignee' };

export default function Board() {
  const { tickets, total, totalCapped, filters, catalog, swimlanes } = useLoaderData<typeof loader>();
  return (
    <div className="sb-page sb-page--wide">
      <div className="sb-page__head">
        <h1 className="sb-page__title">Board</h1>
        <nav className="sb-board__lanes-toggle" aria-label="Swimlanes">
          {(Object.keys(LANE_LABELS) as Swimlanes[]).map((lanes) => (
            <Link
              key={lanes}
              to={queueHref(filters, { lanes: lanes === 'none' ? undefined : lanes }, '/board')}
              className="sb-button sb-button--small"
              aria-current={lanes === swimlanes ? 'true' : undefined}
              data-testid={`lanes-${lanes}`}
            >
              {LANE_LABELS[lanes]}
            </Link>
          ))}
          <Link to={queueHref(filters)} className="sb-button sb-button--small sb-button--quiet">
            List
          </Link>
        </nav>
      </div>
      <QueueFilterPanel catalog={catalog} filters={filters} action="/board" keep={{ lanes: swimlanes === 'none' ? undefined : swimlanes }} />
      {total > tickets.length ? (
        <p className="sb-muted">
          Showing {tickets.length} of {totalCapped ? `${total.toLocaleString('en')}+` : total} tickets; narrow the filters to see the rest.
        </p>
      ) : null}
      <BoardView tickets={tickets} swimlanes={swimlanes} />
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
