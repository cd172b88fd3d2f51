import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { ROUTING_STRATEGIES, type RoutingStrategy, type Team } from '@switchboard/contracts';
import { apiFailure } from '~/api.server';
import { AdminFormFooter, AgentChoices } from '~/components/AdminForm';
import { AdminTabs } from '~/components/AdminTabs';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { peopleApi } from '~/people-api.server';
import { flash } from '~/session.server';
import { refusedSave, requireManager } from '~/staff-admin.server';

export const meta: MetaFunction = () => [{ title: 'Teams · Switchboard workspace' }];

const STRATEGY_LABELS: Record<RoutingStrategy, string> = {
  manual: 'Manual (nobody is assigned automatically)',
  round_robin: 'Round-robin',
  least_loaded: 'Least loaded',
  skills_based: 'Skills-based',
};

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, session } = await requireManager(request);
  try {
    const people = peopleApi(api).people;
    const [teams, agents] = await Promise.all([people.teams.query(), people.agents.query()]);
    return { teams, agents: agents.map((a) => ({ id: a.id, name: a.name })) };
  } catch (error) {
    return apiFailure(error, request, session);
  }
}

/** Creates (no id) or edits a team: name, routing strategy, default flag and members. */
export async function action({ request }: ActionFunctionArgs) {
  const { api, session } = await requireManager(request);
  const form = await request.formData();
  const id = Number(form.get('id')) || undefined;
  try {
    await peopleApi(api).people.saveTeam.mutate({
      id,
      name: String(form.get('name') ?? '').trim(),
      routingStrategy: String(form.get('routingStrategy') ?? 'manual') as RoutingStrategy,
      isDefault: form.get('isDefault') === 'on',
      memberIds: form.getAll('memberIds').map(Number),
    });
  } catch (error) {
    return refusedSave(error, request, session, id);
  }
  return redirect('/admin/teams', { headers: await flash(session, { kind: 'success', message: id ? 'Team saved.' : 'Team added.' }) });
}

function TeamForm({ team, agents, error }: { team?: Team; agents: { id: number; name: string }[]; error?: string }) {
  const key = team?.id ?? 'new';
  return (
    <Form method="post" className="sb-form" data-testid={team ? 'team-form' : 'team-add'} data-id={team?.id}>
      {team ? <input type="hidden" name="id" value={team.id} /> : null}
      <div className="sb-field">
        <label htmlFor={`team-name-${key}`}>Name</label>
        <input id={`team-name-${key}`} name="name" defaultValue={team?.name ?? ''} maxLength={80} required />
      </div>
      <div className="sb-field">
        <label htmlFor={`team-strategy-${key}`}>Routing</label>
        <select id={`team-strategy-${key}`} name="routingStrategy" defaultValue={team?.routingStrategy ?? 'manual'}>
          {ROUTING_STRATEGIES.map((s) => (
            <option key={s} value={s}>
              {STRATEGY_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <label>
        <input type="checkbox" name="isDefault" defaultChecked={team?.isDefault ?? false} /> Default team (tickets whose category and issue type name no team)
      </label>
      <AgentChoices legend="Members" name="memberIds" agents={agents} chosen={team?.members} />
      <AdminFormFooter error={error}>
        <button type="submit" className="sb-button sb-button--primary">
          {team ? 'Save team' : 'Add team'}
        </button>
      </AdminFormFooter>
    </Form>
  );
}

export default function Teams() {
  const { teams, agents } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <AdminTabs />
      <div className="sb-page sb-page--narrow">
        <h1 className="sb-page__title">Teams</h1>
        {teams.map((team) => (
          <section key={team.id} data-testid="team">
            <h2>
              {team.name} <span className="sb-page__lede">{team.waiting} waiting</span>
            </h2>
            <TeamForm team={team} agents={agents} error={result?.id === team.id ? result.error : undefined} />
          </section>
        ))}
        <h2>New team</h2>
        <TeamForm agents={agents} error={result && !result.id ? result.error : undefined} />
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
