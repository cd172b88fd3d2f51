import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import type { RoutingRule } from '@switchboard/contracts';
import { apiErrorKind, apiFailure, apiFieldErrors } from '~/api.server';
import { AdminTabs } from '~/components/AdminTabs';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { peopleApi } from '~/people-api.server';
import { flash } from '~/session.server';
import { refusal, requireManager } from '~/staff-admin.server';

export const meta: MetaFunction = () => [{ title: 'Routing · Switchboard workspace' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, session } = await requireManager(request);
  try {
    const client = peopleApi(api);
    const [rules, teams, skills] = await Promise.all([client.routing.rules.query(), client.people.teams.query(), client.people.skills.query()]);
    return { rules, teams: teams.map((t) => ({ id: t.id, name: t.name })), skills: skills.map((s) => ({ id: s.id, name: s.name })) };
  } catch (error) {
    return apiFailure(error, request, session);
  }
}

/** Which team gets a category's or issue type's tickets, and which skill they need. */
export async function action({ request }: ActionFunctionArgs) {
  const { api, session } = await requireManager(request);
  const form = await request.formData();
  const kind = form.get('kind') === 'issue_type' ? 'issue_type' : 'category';
  const id = Number(form.get('id'));
  const optional = (key: string) => Number(form.get(key)) || null;
  try {
    await peopleApi(api).routing.setRule.mutate({ kind, id, teamId: optional('teamId'), skillId: optional('skillId') });
  } catch (error) {
    const errorKind = apiErrorKind(error);
    if (errorKind === 'bad_request' || errorKind === 'not_found') return data({ key: `${kind}-${id}`, error: refusal(error, apiFieldErrors(error)) }, { status: 400 });
    return apiFailure(error, request, session);
  }
  return redirect('/admin/routing', { headers: await flash(session, { kind: 'success', message: 'Routing saved.' }) });
}

export default function Routing() {
  const { rules, teams, skills } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const section = (kind: RoutingRule['kind'], title: string) => (
    <section>
      <h2>{title}</h2>
      <div className="sb-table-wrap">
        <table className="sb-table" data-testid={`routing-${kind}`}>
          <thead>
            <tr>
              <th>{kind === 'category' ? 'Category' : 'Issue type'}</th>
              <th>Team</th>
              <th>Required skill</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rules
              .filter((r) => r.kind === kind)
              .map((r) => (
                <tr key={`${r.kind}-${r.id}`}>
                  <td>{r.name}</td>
                  <td colSpan={3}>
                    <Form method="post" className="sb-form__row">
                      <input type="hidden" name="kind" value={r.kind} />
                      <input type="hidden" name="id" value={r.id} />
                      <select name="teamId" defaultValue={r.teamId ?? ''} aria-label={`Team for ${r.name}`}>
                        <option value="">— no team —</option>
                        {teams.map((t) => (
                          <option key={t.id} value={t.id}>
                            {t.name}
                          </option>
                        ))}
                      </select>
                      <select name="skillId" defaultValue={r.skillId ?? ''} aria-label={`Skill for ${r.name}`}>
                        <option value="">— no skill —</option>
                        {skills.map((s) => (
                          <option key={s.id} value={s.id}>
                            {s.name}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className="sb-button sb-button--small">
                        Save
                      </button>
                      {result?.key === `${r.kind}-${r.id}` ? <span className="sb-field-error">{result.error}</span> : null}
                    </Form>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </section>
  );
  return (
    <>
      <AdminTabs />
      <div className="sb-page">
        <h1 className="sb-page__title">Routing</h1>
        <p className="sb-page__lede">
          A new ticket goes to its category’s team, else its issue type’s team, else the default team. The team’s strategy then picks an
          online agent below capacity; a required skill is used by skills-based teams.
        </p>
        {section('category', 'Categories')}
        {section('issue_type', 'Issue types')}
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
