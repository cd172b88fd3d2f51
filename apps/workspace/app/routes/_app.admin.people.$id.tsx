import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useRouteLoaderData } from '@remix-run/react';
import { AVAILABILITIES, SKILL_LEVEL_MAX, type Availability } from '@switchboard/contracts';
import { apiErrorKind, apiFailure, apiFieldErrors, notFound } from '~/api.server';
import { AdminTabs } from '~/components/AdminTabs';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { peopleApi } from '~/people-api.server';
import { flash } from '~/session.server';
import { listOf, refusal, requireManager } from '~/staff-admin.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.agent.name ?? 'Person'} · Switchboard workspace` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, session } = await requireManager(request);
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0) return notFound('There is no such person.');
  try {
    const people = peopleApi(api).people;
    const [agent, skills, teams] = await Promise.all([people.agent.query({ id }), people.skills.query(), people.teams.query()]);
    return { agent, skills, teams };
  } catch (error) {
    return apiFailure(error, request, session, { notFound: 'There is no such staff member.' });
  }
}

/** intent=profile saves the profile; intent=skills replaces the skills; intent=availability sets it. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { api, session } = await requireManager(request);
  const id = Number(params.id);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const people = peopleApi(api).people;
  try {
    if (intent === 'skills') {
      const skills = [...form.entries()]
        .filter(([key, value]) => key.startsWith('skill-') && Number(value) > 0)
        .map(([key, value]) => ({ skillId: Number(key.slice(6)), level: Number(value) }));
      await people.setSkills.mutate({ id, skills });
    } else if (intent === 'availability') {
      await people.setAvailability.mutate({ id, availability: String(form.get('availability')) as Availability });
    } else if (intent === 'reset-two-factor') {
      await api.account.resetUserTwoFactor.mutate({ userId: id });
      return redirect(`/admin/people/${id}`, { headers: await flash(session, { kind: 'success', message: 'Two-factor sign-in is off for them and their sessions are signed out.' }) });
    } else {
      const role = String(form.get('role') ?? '');
      await people.updateAgent.mutate({
        id,
        ...(role ? { role: role as 'agent' | 'manager' | 'admin' } : {}),
        status: String(form.get('status')) as 'active' | 'suspended',
        capacity: Number(form.get('capacity')),
        timezone: String(form.get('timezone') ?? '').trim(),
        phone: String(form.get('phone') ?? '').trim() || null,
        languages: listOf(form.get('languages')),
        teamIds: form.getAll('teamIds').map(Number),
      });
    }
  } catch (error) {
    const kind = apiErrorKind(error);
    if (kind === 'bad_request' || kind === 'conflict' || kind === 'forbidden') {
      return data({ intent, error: refusal(error, apiFieldErrors(error)) }, { status: kind === 'forbidden' ? 403 : 400 });
    }
    return apiFailure(error, request, session);
  }
  return redirect(`/admin/people/${id}`, { headers: await flash(session, { kind: 'success', message: 'Saved.' }) });
}

export default function Person() {
  const { agent, skills, teams } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const layout = useRouteLoaderData('routes/_app') as { user?: { role?: string } } | undefined;
  const errorFor = (intent: string) =>
    result?.intent === intent ? (
      <p className="sb-field-error" data-testid="field-error">
        {result.error}
      </p>
    ) : null;
  const levelOf = (skillId: number) => agent.skills.find((s) => s.skillId === skillId)?.level ?? 0;
  return (
    <>
      <AdminTabs />
      <div className="sb-page sb-page--narrow">
        <h1 className="sb-page__title" data-testid="person-name">
          {agent.name}
        </h1>
        <p className="sb-page__lede">
          {agent.email} · {agent.role} · {agent.status} · {agent.openTickets} open of {agent.capacity}
        </p>

        <Form method="post" className="sb-form" data-testid="profile-form">
          <input type="hidden" name="intent" value="profile" />
          {layout?.user?.role === 'admin' ? (
            <div className="sb-field">
              <label htmlFor="role">Role</label>
              <select id="role" name="role" defaultValue={agent.role}>
                <option value="agent">Agent</option>
                <option value="manager">Manager</option>
                <option value="admin">Admin</option>
              </select>
            </div>
          ) : null}
          <div className="sb-field">
            <label htmlFor="status">Status</label>
            <select id="status" name="status" defaultValue={agent.status === 'suspended' ? 'suspended' : 'active'}>
              <option value="active">Active</option>
              <option value="suspended">Suspended (cannot sign in)</option>
            </select>
          </div>
          <div className="sb-field">
            <label htmlFor="capacity">Capacity (most open tickets at once)</label>
            <input id="capacity" name="capacity" type="number" min={0} max={1000} defaultValue={agent.capacity} />
          </div>
          <div className="sb-field">
            <label htmlFor="timezone">Time zone</label>
            <input id="timezone" name="timezone" defaultValue={agent.timezone} />
          </div>
          <div className="sb-field">
            <label htmlFor="phone">Phone (rung by the phone line while online)</label>
            <input id="phone" name="phone" type="tel" defaultValue={agent.phone ?? ''} placeholder="+49 30 1234567" />
          </div>
          <div className="sb-field">
            <label htmlFor="languages">Languages (codes, comma separated)</label>
            <input id="languages" name="languages" defaultValue={agent.languages.join(', ')} placeholder="en, es" />
          </div>
          <fieldset className="sb-field sb-field--choices">
            <legend>Teams</legend>
            {teams.map((t) => (
              <label key={t.id}>
                <input type="checkbox" name="teamIds" value={t.id} defaultChecked={agent.teams.some((m) => m.id === t.id)} /> {t.name}
              </label>
            ))}
          </fieldset>
          {errorFor('profile')}
          <div className="sb-form__actions">
            <button type="submit" className="sb-button sb-button--primary">
              Save profile
            </button>
          </div>
        </Form>

        <h2>Skills</h2>
        <Form method="post" className="sb-form" data-testid="skills-form">
          <input type="hidden" name="intent" value="skills" />
          {skills.length === 0 ? <p className="sb-page__lede">No skills yet: add them under Skills.</p> : null}
          {skills.map((s) => (
            <div className="sb-field" key={s.id}>
              <label htmlFor={`skill-${s.id}`}>{s.name}</label>
              <select id={`skill-${s.id}`} name={`skill-${s.id}`} defaultValue={String(levelOf(s.id))} data-skill={s.name}>
                <option value="0">—</option>
                {Array.from({ length: SKILL_LEVEL_MAX }, (_, i) => i + 1).map((level) => (
                  <option key={level} value={level}>
                    Level {level}
                  </option>
                ))}
              </select>
            </div>
          ))}
          {errorFor('skills')}
          <div className="sb-form__actions">
            <button type="submit" className="sb-button sb-button--primary">
              Save skills
            </button>
          </div>
        </Form>

        {layout?.user?.role === 'admin' ? (
          <>
            <h2>Two-factor sign-in</h2>
            <p className="sb-page__lede">Lost their phone and their recovery codes? Turn their two-factor sign-in off; they sign in with the password and set it up again.</p>
            <Form method="post" className="sb-form__row" data-testid="reset-two-factor">
              <input type="hidden" name="intent" value="reset-two-factor" />
              <button type="submit" className="sb-button sb-button--small">
                Reset two-factor sign-in
              </button>
              {errorFor('reset-two-factor')}
            </Form>
            <p>
              <a href={`/admin/security?userId=${agent.id}`}>Their security log</a>
            </p>
          </>
        ) : null}

        <h2>Availability</h2>
        <Form method="post" className="sb-form__row" data-testid="person-availability">
          <input type="hidden" name="intent" value="availability" />
          <select name="availability" defaultValue={agent.availability} aria-label="Availability">
            {AVAILABILITIES.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
          <button type="submit" className="sb-button sb-button--small">
            Set
          </button>
          {errorFor('availability')}
        </Form>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
