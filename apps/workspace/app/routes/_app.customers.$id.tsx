import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { RelativeTime, StatusBadge } from '@switchboard/ui';
import { apiErrorKind, apiFailure, apiFieldErrors, notFound } from '~/api.server';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { flash, requireAgent } from '~/session.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.profile.name ?? 'Customer'} · Switchboard workspace` }];

/** The CRM view of one customer: contact details, company, tickets, messages in every channel, staff notes, satisfaction. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, session, timeZone } = await requireAgent(request);
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0) return notFound('There is no such customer.');
  try {
    const [profile, tickets] = await Promise.all([
      api.customers.profile.query({ id }),
      api.tickets.list.query({ requesterId: id, pageSize: 100, sort: 'updated', direction: 'desc' }),
    ]);
    return { profile, tickets: tickets.items, ticketTotal: tickets.total, now: new Date().toISOString(), timeZone };
  } catch (error) {
    return apiFailure(error, request, session, { notFound: 'There is no such customer.', forbidden: 'Customer profiles are for staff.' });
  }
}

/** intent=note adds a staff-only note about the customer. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { api, session } = await requireAgent(request);
  const id = Number(params.id);
  const form = await request.formData();
  try {
    await api.customers.addNote.mutate({ customerId: id, body: String(form.get('body') ?? '') });
  } catch (error) {
    if (apiErrorKind(error) === 'bad_request') return data({ error: apiFieldErrors(error).body ?? 'The note could not be saved.' }, { status: 400 });
    return apiFailure(error, request, session);
  }
  return redirect(`/customers/${id}`, { headers: await flash(session, { kind: 'success', message: 'Note added.' }) });
}

export default function CustomerProfilePage() {
  const { profile, tickets, ticketTotal, now, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="sb-page sb-page--narrow" data-testid="customer-profile">
      <h1 className="sb-page__title" data-testid="customer-name">
        {profile.name}
      </h1>
      <p className="sb-page__lede">
        Customer since <RelativeTime value={profile.createdAt} now={now} timeZone={timeZone} /> · {profile.ticketCount} tickets, {profile.openTicketCount} open
        {profile.status !== 'active' ? ` · ${profile.status}` : ''}
      </p>

      <dl className="sb-facts" data-testid="customer-contact" style={{ display: 'grid' }}>
        <dt>Email</dt>
        <dd>{profile.emails.length ? profile.emails.join(', ') : <span className="sb-muted">none</span>}</dd>
        <dt>Phone</dt>
        <dd>
          {profile.phones.length
            ? profile.phones.map((p) => (
                <div key={p.e164}>
                  {p.e164}
                  {p.optedOut ? <span className="sb-muted"> (opted out of SMS)</span> : null}
                </div>
              ))
            : <span className="sb-muted">none</span>}
        </dd>
        <dt>Company</dt>
        <dd data-testid="customer-company">
          {profile.company ? `${profile.company.name}${profile.companyAdmin ? ' (company admin)' : ''}` : <span className="sb-muted">none</span>}
        </dd>
        <dt>Language</dt>
        <dd>{profile.language ?? <span className="sb-muted">not set</span>}</dd>
        <dt>Channels</dt>
        <dd>{profile.channels.length ? profile.channels.map((c) => `${c.channel} (${c.count})`).join(', ') : <span className="sb-muted">none yet</span>}</dd>
        <dt>Satisfaction</dt>
        <dd data-testid="customer-satisfaction">
          {profile.satisfaction.count ? `${profile.satisfaction.average} / 5 from ${profile.satisfaction.count} ratings` : <span className="sb-muted">no ratings yet</span>}
        </dd>
      </dl>

      <h2>Notes</h2>
      <p className="sb-muted">Only staff see these.</p>
      <Form method="post" className="sb-form" data-testid="customer-note-form">
        <input type="hidden" name="intent" value="note" />
        <div className="sb-field">
          <label htmlFor="note-body">New note</label>
          <textarea id="note-body" name="body" rows={3} required maxLength={5000} />
          {result?.error ? (
            <p className="sb-field-error" data-testid="field-error">
              {result.error}
            </p>
          ) : null}
        </div>
        <div className="sb-form__actions">
          <button type="submit" className="sb-button sb-button--primary">
            Add note
          </button>
        </div>
      </Form>
      <ul className="sb-crm-list" data-testid="customer-notes">
        {profile.notes.map((n) => (
          <li key={n.id}>
            <p>{n.body}</p>
            <p className="sb-muted">
              {n.author?.name ?? 'Someone'} · <RelativeTime value={n.createdAt} now={now} timeZone={timeZone} />
            </p>
          </li>
        ))}
      </ul>

      <h2>Tickets ({ticketTotal})</h2>
      <div className="sb-table-wrap">
        <table className="sb-table" data-testid="customer-tickets">
          <thead>
            <tr>
              <th>#</th>
              <th>Subject</th>
              <th>Status</th>
              <th>Channel</th>
              <th>Updated</th>
            </tr>
          </thead>
          <tbody>
            {tickets.map((t) => (
              <tr key={t.id}>
                <td>{t.number}</td>
                <td>
                  <Link to={`/tickets/${t.id}`}>{t.subject}</Link>
                </td>
                <td>
                  <StatusBadge status={t.status} />
                </td>
                <td>{t.channel}</td>
                <td>
                  <RelativeTime value={t.updatedAt} now={now} timeZone={timeZone} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>Recent messages</h2>
      <ul className="sb-crm-list" data-testid="customer-interactions">
        {profile.interactions.map((i) => (
          <li key={i.entryId}>
            <p className="sb-muted">
              {i.fromCustomer ? 'From customer' : 'To customer'} · {i.channel} · <Link to={`/tickets/${i.ticketId}`}>#{i.ticketId} {i.subject}</Link> ·{' '}
              <RelativeTime value={i.createdAt} now={now} timeZone={timeZone} />
            </p>
            <p>{i.excerpt}</p>
          </li>
        ))}
      </ul>

      <h2>Satisfaction history</h2>
      <ul className="sb-crm-list" data-testid="customer-ratings">
        {profile.satisfaction.ratings.map((r) => (
          <li key={r.ticketId}>
            {r.rating} / 5 on <Link to={`/tickets/${r.ticketId}`}>#{r.ticketId} {r.subject}</Link>
            {r.comment ? <span className="sb-muted"> — “{r.comment}”</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
