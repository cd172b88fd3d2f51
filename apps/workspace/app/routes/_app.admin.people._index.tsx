import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useRouteLoaderData } from '@remix-run/react';
import { apiErrorKind, apiFailure, apiFieldErrors } from '~/api.server';
import { AdminTabs } from '~/components/AdminTabs';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { peopleApi } from '~/people-api.server';
import { flash } from '~/session.server';
import { refusal, requireManager } from '~/staff-admin.server';

export const meta: MetaFunction = () => [{ title: 'People · Switchboard workspace' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, session } = await requireManager(request);
  try {
    return { agents: await peopleApi(api).people.agents.query() };
  } catch (error) {
    return apiFailure(error, request, session);
  }
}

/** Invites a staff member by email (admins; the API refuses anyone else). */
export async function action({ request }: ActionFunctionArgs) {
  const { api, session } = await requireManager(request);
  const form = await request.formData();
  const input = {
    email: String(form.get('email') ?? '').trim(),
    name: String(form.get('name') ?? '').trim(),
    role: (String(form.get('role') ?? 'agent') as 'agent' | 'manager' | 'admin'),
  };
  try {
    await peopleApi(api).people.invite.mutate(input);
  } catch (error) {
    const kind = apiErrorKind(error);
    if (kind === 'bad_request' || kind === 'conflict' || kind === 'forbidden') {
      return data({ error: kind === 'forbidden' ? 'Only admins can invite staff.' : refusal(error, apiFieldErrors(error)), input }, { status: kind === 'forbidden' ? 403 : 400 });
    }
    return apiFailure(error, request, session);
  }
  return redirect('/admin/people', { headers: await flash(session, { kind: 'success', message: `Invitation sent to ${input.email}.` }) });
}

export default function People() {
  const { agents } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const layout = useRouteLoaderData('routes/_app') as { user?: { role?: string } } | undefined;
  return (
    <>
      <AdminTabs />
      <div className="sb-page">
        <h1 className="sb-page__title">People</h1>
        <div className="sb-table-wrap">
          <table className="sb-table" data-testid="people-table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Role</th>
                <th>Status</th>
                <th>Availability</th>
                <th>Open / capacity</th>
                <th>Teams</th>
                <th>Skills</th>
              </tr>
            </thead>
            <tbody>
              {agents.map((a) => (
                <tr key={a.id} data-testid="person-row" data-email={a.email}>
                  <td>
                    <Link to={`/admin/people/${a.id}`}>{a.name}</Link>
                    <div className="sb-page__lede">{a.email}</div>
                  </td>
                  <td>{a.role}</td>
                  <td data-testid="person-status">{a.status}</td>
                  <td>{a.availability}</td>
                  <td>
                    {a.openTickets} / {a.capacity}
                  </td>
                  <td>{a.teams.map((t) => t.name).join(', ')}</td>
                  <td data-testid="person-skills">{a.skills.map((s) => `${s.name} (${s.level})`).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {layout?.user?.role === 'admin' ? (
          <section className="sb-invite">
            <h2>Invite someone</h2>
            <Form method="post" className="sb-form" data-testid="invite-form">
              <div className="sb-field">
                <label htmlFor="invite-email">Email</label>
                <input id="invite-email" name="email" type="email" required defaultValue={result?.input.email} />
              </div>
              <div className="sb-field">
                <label htmlFor="invite-name">Name</label>
                <input id="invite-name" name="name" required maxLength={120} defaultValue={result?.input.name} />
              </div>
              <div className="sb-field">
                <label htmlFor="invite-role">Role</label>
                <select id="invite-role" name="role" defaultValue={result?.input.role ?? 'agent'}>
                  <option value="agent">Agent</option>
                  <option value="manager">Manager</option>
                  <option value="admin">Admin</option>
                </select>
              </div>
              {result?.error ? (
                <p className="sb-field-error" data-testid="field-error">
                  {result.error}
                </p>
              ) : null}
              <div className="sb-form__actions">
                <button type="submit" className="sb-button sb-button--primary">
                  Send invitation
                </button>
              </div>
            </Form>
          </section>
        ) : null}
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
