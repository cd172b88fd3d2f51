import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { apiFailure } from '~/api.server';
import { AdminTabs } from '~/components/AdminTabs';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { peopleApi } from '~/people-api.server';
import { flash } from '~/session.server';
import { refusedSave, requireManager } from '~/staff-admin.server';

export const meta: MetaFunction = () => [{ title: 'Skills · Switchboard workspace' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, session } = await requireManager(request);
  try {
    return { skills: await peopleApi(api).people.skills.query() };
  } catch (error) {
    return apiFailure(error, request, session);
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { api, session } = await requireManager(request);
  const form = await request.formData();
  const id = Number(form.get('id')) || undefined;
  const name = String(form.get('name') ?? '').trim();
  try {
    await peopleApi(api).people.saveSkill.mutate({ id, name });
  } catch (error) {
    return refusedSave(error, request, session, id);
  }
  return redirect('/admin/skills', { headers: await flash(session, { kind: 'success', message: id ? 'Skill renamed.' : 'Skill added.' }) });
}

export default function Skills() {
  const { skills } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <AdminTabs />
      <div className="sb-page sb-page--narrow">
        <h1 className="sb-page__title">Skills</h1>
        <p className="sb-page__lede">A category or issue type can require a skill; skills-based teams route its tickets to agents who have it.</p>
        <ul className="sb-named-list" data-testid="skill-list">
          {skills.map((s) => (
            <li key={s.id} data-testid="skill-row">
              <Form method="post" className="sb-named-list__row">
                <input type="hidden" name="id" value={s.id} />
                <input name="name" defaultValue={s.name} maxLength={80} required aria-label={`Name of skill ${s.name}`} />
                <span className="sb-page__lede">{s.agentCount} agents</span>
                <button type="submit" className="sb-button sb-button--small">
                  Rename
                </button>
              </Form>
            </li>
          ))}
        </ul>
        <Form method="post" className="sb-named-list__row" data-testid="skill-add">
          <input name="name" placeholder="New skill" maxLength={80} required aria-label="New skill" />
          <button type="submit" className="sb-button sb-button--small sb-button--primary">
            Add skill
          </button>
        </Form>
        {result?.error ? (
          <p className="sb-field-error" data-testid="field-error">
            {result.error}
          </p>
        ) : null}
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
