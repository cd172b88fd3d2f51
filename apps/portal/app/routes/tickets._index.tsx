import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { StatusBadge } from '@switchboard/ui';
import { formFailure, requireApi, throwApiFailure } from '../api.server';
import { ErrorView } from '../components/error-view';
import { Flash } from '../components/flash';
import { fullLabel, whenLabel } from '../format.server';
import { isTicketStatus, STATUS_LABELS, statusLabel, TICKET_STATUSES, ticketNumber } from '../labels';
import { commitSession, takeFlash } from '../session.server';

export const meta: MetaFunction = () => [{ title: 'My tickets · Switchboard Support' }];

const PAGE_SIZE = 20;

export async function loader({ request }: LoaderFunctionArgs) {
  const { session, api } = await requireApi(request);
  const url = new URL(request.url);
  const rawStatus = url.searchParams.get('status');
  const status = isTicketStatus(rawStatus) ? rawStatus : undefined;
  const rawPage = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
  const page = Number.isFinite(rawPage) && rawPage > 0 ? rawPage : 1;

  let result;
  let me;
  try {
    [result, me] = await Promise.all([api.tickets.list.query({ status, page, pageSize: PAGE_SIZE }), api.auth.me.query()]);
  } catch (error) {
    return throwApiFailure(error, request, session, 'That list');
  }

  const now = new Date();
  const flash = takeFlash(session);
  return data(
    {
      status: status ?? null,
      page: result.page,
      pageSize: result.pageSize,
      total: result.total,
      pages: Math.max(1, Math.ceil(result.total / result.pageSize)),
      tickets: result.items.map((t) => ({
        id: t.id,
        number: ticketNumber(t),
        subject: t.subject,
        status: t.status,
        updatedAt: t.updatedAt,
        updatedLabel: whenLabel(t.updatedAt, now),
        updatedTitle: fullLabel(t.updatedAt),
      })),
      flash,
      unverifiedEmail: me.emailVerified === false ? me.email : null,
    },
    flash ? { headers: { 'Set-Cookie': await commitSession(session) } } : undefined,
  );
}

/** "Send the link again" from the verification banner. */
export async function action({ request }: ActionFunctionArgs) {
  const { session, api } = await requireApi(request);
  try {
    await api.auth.resendVerification.mutate();
    session.flash('flash', 'We sent the link again. It works for 7 days.');
  } catch (error) {
    const failure = await formFailure(error, request, session, { conflict: 'Your address is already confirmed.' });
    session.flash('flash', failure.formError ?? 'Sending the link failed.');
  }
  throw redirect('/tickets', { headers: { 'Set-Cookie': await commitSession(session) } });
}

function pageHref(page: number, status: string | null): string {
  const params = new URLSearchParams();
  if (status) params.set('status', status);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/tickets?${query}` : '/tickets';
}

export default function MyTickets() {
  const { tickets, status, page, pages, total, flash, unverifiedEmail } = useLoaderData<typeof loader>();

  return (
    <section className="tickets">
      <div className="page-title">
        <h1>My tickets</h1>
        <Link className="button" to="/tickets/new">
          New ticket
        </Link>
      </div>
      <Flash message={flash} />
      {unverifiedEmail ? (
        <div className="notice" data-testid="verify-banner">
          <p>
            Please confirm your address: we sent a link to <strong>{unverifiedEmail}</strong>. Once it is confirmed, you join your company&apos;s
            support account if it has one.
          </p>
          <Form method="post">
            <button type="submit" className="button button--secondary">
              Send the link again
            </button>
          </Form>
        </div>
      ) : null}

      <Form method="get" className="filter" data-testid="status-filter">
        <label htmlFor="status">Show</label>
        <select id="status" name="status" defaultValue={status ?? ''} key={status ?? ''}>
          <option value="">All tickets</option>
          {TICKET_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--secondary">
          Filter
        </button>
      </Form>

      {tickets.length === 0 ? (
        <div className="empty" data-testid="ticket-list-empty">
          {status ? (
            <p>
              You have no tickets that are {statusLabel(status).toLowerCase()}. <Link to="/tickets">Show all tickets</Link>
            </p>
          ) : total > 0 ? (
            <p>
              There are no tickets on this page. <Link to="/tickets">Back to the first page</Link>
            </p>
          ) : (
            <p>
              You have not opened any tickets yet. <Link to="/tickets/new">Tell us what you need help with</Link>.
            </p>
          )}
        </div>
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {total} {total === 1 ? 'ticket' : 'tickets'}
            {status ? ` ${statusLabel(status).toLowerCase()}` : ''}
          </p>
          <ul className="ticket-list" data-testid="ticket-list">
            {tickets.map((t) => (
              <li key={t.id} className="ticket-row" data-testid="ticket-row" data-ticket-id={t.id}>
                <Link to={`/tickets/${t.id}`} className="ticket-row__link">
                  <span className="ticket-row__number">{t.number}</span>
                  <span className="ticket-row__subject">{t.subject}</span>
                  <span className="ticket-row__meta">
                    <StatusBadge viewer="customer" data-testid="status-badge" status={t.status} />
                    <span className="ticket-row__updated">
                      Updated{' '}
                      <time dateTime={t.updatedAt} title={t.updatedTitle}>
                        {t.updatedLabel}
                      </time>
                    </span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}

      {pages > 1 ? (
        <nav className="pager" aria-label="Pages" data-testid="pager">
          {page > 1 ? (
            <Link to={pageHref(page - 1, status)} rel="prev">
              ← Previous
            </Link>
          ) : (
            <span />
          )}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages ? (
            <Link to={pageHref(page + 1, status)} rel="next">
              Next →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorView />;
}
