import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import type { InboundEmail } from '@switchboard/contracts';
import { RelativeTime } from '@switchboard/ui';
import { requireAdmin } from '~/admin.server';
import { apiErrorKind, apiFailure } from '~/api.server';
import { AdminTable } from '~/components/AdminTable';
import { AdminTabs } from '~/components/AdminTabs';
import { Pagination } from '~/components/Pagination';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { INBOUND_FILTERS, type InboundFilter } from '~/inbound-email-filters';
import { inboundEmailApi } from '~/inbound-email.server';
import { flash } from '~/session.server';

export const meta: MetaFunction = () => [{ title: 'Inbound email · Switchboard workspace' }];

const PAGE_SIZE = 50;

function filterFrom(url: URL): InboundFilter {
  const value = url.searchParams.get('show');
  return value && value in INBOUND_FILTERS ? (value as InboundFilter) : 'attention';
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, session, timeZone } = await requireAdmin(request);
  const url = new URL(request.url);
  const show = filterFrom(url);
  const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
  try {
    const result = await inboundEmailApi(api).email.inbound.query({ status: [...INBOUND_FILTERS[show].statuses], page, pageSize: PAGE_SIZE });
    return { ...result, show, page, now: new Date().toISOString(), timeZone };
  } catch (error) {
    return apiFailure(error, request, session);
  }
}

/** Retry: a failed email goes back into the queue; a spam-held one is released from the spam check. */
export async function action({ request }: ActionFunctionArgs) {
  const { api, session } = await requireAdmin(request);
  const form = await request.formData();
  const id = Number(form.get('id'));
  const back = `/admin/inbound-email?show=${filterFrom(new URL(request.url))}`;
  try {
    await inboundEmailApi(api).email.retry.mutate({ id });
  } catch (error) {
    if (apiErrorKind(error) === 'conflict' || apiErrorKind(error) === 'not_found') {
      return redirect(back, { headers: await flash(session, { kind: 'error', message: error instanceof Error ? error.message : 'Refused.' }) });
    }
    return apiFailure(error, request, session);
  }
  return redirect(back, { headers: await flash(session, { kind: 'success', message: `Inbound email ${id} is queued again.` }) });
}

export default function InboundEmailLog() {
  const { items, total, show, page, now, timeZone } = useLoaderData<typeof loader>();
  return (
    <>
      <AdminTabs />
      <div className="sb-page">
        <div className="sb-page__head">
          <h1 className="sb-page__title">Inbound email</h1>
        </div>
        <p className="sb-page__lede">
          Every email SendGrid delivered to us, kept as it arrived. Failed messages can be processed again; spam and
          ignored mail (our own address, loops) never reached the queue.
        </p>
        <nav className="sb-timeline-filter" aria-label="Show">
          {(Object.keys(INBOUND_FILTERS) as InboundFilter[]).map((key) => (
            <Link
              key={key}
              to={`/admin/inbound-email?show=${key}`}
              className={`sb-timeline-filter__option${key === show ? ' sb-timeline-filter__option--current' : ''}`}
              aria-current={key === show ? 'page' : undefined}
            >
              {INBOUND_FILTERS[key].label}
            </Link>
          ))}
        </nav>
        <AdminTable testId="inbound-list" columns={['Received', 'From', 'Subject', 'Status', 'Why', 'Ticket', null]} items={items as InboundEmail[]} empty="Nothing here." wrap>
          {(m) => (
            <tr key={m.id} data-testid="inbound-row" data-inbound-id={m.id} data-status={m.status}>
              <td>
                <RelativeTime value={m.createdAt} now={now} timeZone={timeZone} />
              </td>
              <td>{m.sender ?? <span className="sb-muted">—</span>}</td>
              <td>{m.subject ?? <span className="sb-muted">(no subject)</span>}</td>
              <td>
                <span className={`sb-chip sb-chip--status-${m.status}`}>{m.status}</span>
              </td>
              <td data-testid="inbound-reason">{m.failureReason ?? m.routeReason ?? ''}</td>
              <td>{m.ticketId ? <Link to={`/tickets/${m.ticketId}`}>#{m.ticketId}</Link> : <span className="sb-muted">—</span>}</td>
              <td>
                {m.status === 'failed' || m.status === 'spam' ? (
                  <Form method="post" action={`/admin/inbound-email?show=${show}`}>
                    <input type="hidden" name="id" value={m.id} />
                    <button type="submit" className="sb-button" data-testid="inbound-retry">
                      {m.status === 'spam' ? 'Not spam' : 'Retry'}
                    </button>
                  </Form>
                ) : null}
              </td>
            </tr>
          )}
        </AdminTable>
        <Pagination page={page} pageSize={PAGE_SIZE} total={total} noun="emails" />
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
