import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { LEVELS, type SavePolicyInput, type SlaPolicy } from '@switchboard/contracts';
import { formatMinutes, levelLabel, parseMinutes } from '@switchboard/ui';
import { requireAdmin } from '~/admin.server';
import { apiErrorKind, apiFailure, apiFieldErrors, notFound } from '~/api.server';
import { AdminTabs } from '~/components/AdminTabs';
import { FieldError } from '~/components/FieldError';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { flash } from '~/session.server';
import { slaApi } from '~/sla-admin.server';

export const meta: MetaFunction = () => [{ title: 'SLA policy · Switchboard workspace' }];

const METRICS = [
  ['firstResponseMinutes', 'First response'],
  ['nextResponseMinutes', 'Next response'],
  ['resolutionMinutes', 'Resolution'],
] as const;
const PAIRS = [...LEVELS].reverse().flatMap((urgency) => [...LEVELS].reverse().map((importance) => ({ urgency, importance })));

/** The form as strings (durations like "1h 30m"), so a refused save shows exactly what was typed. */
type Values = Record<string, string>;

function valuesOf(policy: SlaPolicy | null, fallback: SlaPolicy | undefined): Values {
  const base = policy ?? fallback;
  const values: Values = {
    name: policy?.name ?? '',
    calendarId: String(base?.calendarId ?? ''),
    businessTime: policy?.businessTime ? 'true' : '',
    warnPercent: String(base?.warnPercent ?? 75),
    pause_waiting_on_customer: !base || base.pauseStatuses.includes('waiting_on_customer') ? 'true' : '',
    pause_on_hold: !base || base.pauseStatuses.includes('on_hold') ? 'true' : '',
    raiseUrgency: policy?.escalation.raiseUrgency ? 'true' : '',
    escalateTeamId: String(policy?.escalation.teamId ?? ''),
    escalateAssigneeId: String(policy?.escalation.assigneeId ?? ''),
    assignments: (policy?.assignments ?? []).map((a) => `${a.companyId ?? '*'}:${a.issueTypeId ?? '*'}`).join('\n'),
  };
  for (const { urgency, importance } of PAIRS) {
    const row = base?.targets.find((t) => t.urgency === urgency && t.importance === importance);
    for (const [key] of METRICS) values[`${urgency}.${importance}.${key}`] = row ? formatMinutes(row[key]) : '';
  }
  return values;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, session } = await requireAdmin(request);
  let settings;
  let catalog;
  try {
    [settings, catalog] = await Promise.all([slaApi(api).sla.settings.query(), slaApi(api).catalog.get.query()]);
  } catch (error) {
    return apiFailure(error, request, session);
  }
  const policy = params.id === 'new' ? null : settings.policies.find((p) => String(p.id) === params.id);
  if (policy === undefined) notFound(`There is no SLA policy "${params.id}".`);
  return {
    id: policy?.id ?? null,
    isDefault: policy?.isDefault ?? false,
    values: valuesOf(policy, settings.policies.find((p) => p.isDefault)),
    calendars: settings.calendars.map((c) => ({ id: c.id, name: c.name })),
    teams: catalog.teams,
    agents: catalog.agents,
    issueTypes: catalog.issueTypes.map((t) => ({ id: t.id, name: t.name })),
  };
}

type ActionResult = { values: Values; fieldErrors: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { api, session } = await requireAdmin(request);
  const form = await request.formData();
  const values: Values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
  const fieldErrors: Record<string, string> = {};
  const targets: SavePolicyInput['targets'] = [];
  PAIRS.forEach(({ urgency, importance }) => {
    const row: Record<string, number> = {};
    for (const [key, label] of METRICS) {
      const name = `${urgency}.${importance}.${key}`;
      const minutes = parseMinutes(values[name] ?? '');
      if (minutes === null || minutes < 1) fieldErrors[name] = `${label} for ${urgency}/${importance}: write minutes or a duration like 1h 30m.`;
      else row[key] = minutes;
    }
    targets.push({ urgency, importance, ...(row as Omit<SavePolicyInput['targets'][number], 'urgency' | 'importance'>) });
  });
  const assignments: SavePolicyInput['assignments'] = [];
  for (const [i, line] of (values.assignments ?? '').split('\n').map((l) => l.trim()).filter(Boolean).entries()) {
    const m = /^(\*|\d+)\s*:\s*(\*|\d+)$/.exec(line);
    if (!m) fieldErrors.assignments = `Line ${i + 1}: write companyId:issueTypeId, with * for any (e.g. 12:* or *:3).`;
    else assignments.push({ companyId: m[1] === '*' ? null : Number(m[1]), issueTypeId: m[2] === '*' ? null : Number(m[2]) });
  }
  if (Object.keys(fieldErrors).length) return data<ActionResult>({ values, fieldErrors }, { status: 400 });
  try {
    const saved = await slaApi(api).sla.savePolicy.mutate({
      id: params.id === 'new' ? undefined : Number(params.id),
      name: values.name ?? '',
      calendarId: Number(values.calendarId),
      businessTime: values.businessTime === 'true',
      targets,
      pauseStatuses: (['waiting_on_customer', 'on_hold'] as const).filter((s) => values[`pause_${s}`] === 'true'),
      warnPercent: Number(values.warnPercent),
      escalation: {
        raiseUrgency: values.raiseUrgency === 'true',
        teamId: Number(values.escalateTeamId) || null,
        assigneeId: Number(values.escalateAssigneeId) || null,
      },
      assignments,
    });
    return redirect('/admin/sla', { headers: await flash(session, { kind: 'success', message: `Policy "${saved.name}" saved.` }) });
  } catch (error) {
    const kind = apiErrorKind(error);
    if (kind !== 'bad_request' && kind !== 'conflict') return apiFailure(error, request, session);
    const errors: Record<string, string> = {};
    for (const [field, message] of Object.entries(apiFieldErrors(error))) {
      const mapped = field === 'escalation.teamId' ? 'escalateTeamId' : field === 'escalation.assigneeId' ? 'escalateAssigneeId' : field.split('.')[0];
      errors[mapped] = message;
    }
    if (!Object.keys(errors).length) errors.name = error instanceof Error ? error.message : 'The API refused this policy.';
    return data<ActionResult>({ values, fieldErrors: errors }, { status: 400 });
  }
}

export default function PolicyEditor() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const values = result?.values ?? loaded.values;
  const errors = result?.fieldErrors ?? {};
  const checked = (name: string) => values[name] === 'true';
  return (
    <>
      <AdminTabs />
      <div className="sb-page">
        <p className="sb-ticket__crumbs">
          <Link to="/admin/sla">SLA</Link> / {loaded.id ? values.name : 'New policy'}
        </p>
        <Form method="post" className="sb-form" data-testid="policy-form">
          <label>
            Name
            <input name="name" defaultValue={values.name} required maxLength={80} aria-describedby="name-error" />
            <FieldError id="name-error" message={errors.name} />
          </label>
          <label>
            Calendar
            <select name="calendarId" defaultValue={values.calendarId}>
              {loaded.calendars.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label className="sb-filters__check">
            <input type="checkbox" name="businessTime" value="true" defaultChecked={checked('businessTime')} /> Count business hours of the calendar only (otherwise every hour counts)
          </label>
          <fieldset>
            <legend>The resolution clock pauses while the ticket is</legend>
            <label className="sb-filters__check">
              <input type="checkbox" name="pause_waiting_on_customer" value="true" defaultChecked={checked('pause_waiting_on_customer')} /> Waiting on customer
            </label>
            <label className="sb-filters__check">
              <input type="checkbox" name="pause_on_hold" value="true" defaultChecked={checked('pause_on_hold')} /> On hold
            </label>
          </fieldset>
          <label>
            Warn the assignee at this share of a target (%)
            <input name="warnPercent" type="number" min={1} max={99} defaultValue={values.warnPercent} aria-describedby="warnPercent-error" />
            <FieldError id="warnPercent-error" message={errors.warnPercent} />
          </label>
          <table className="sb-table" data-testid="policy-targets">
            <thead>
              <tr>
                <th scope="col">Urgency / importance</th>
                {METRICS.map(([key, label]) => (
                  <th key={key} scope="col">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {PAIRS.map(({ urgency, importance }) => (
                <tr key={`${urgency}.${importance}`}>
                  <th scope="row">
                    {levelLabel(urgency)} / {levelLabel(importance)}
                  </th>
                  {METRICS.map(([key, label]) => {
                    const name = `${urgency}.${importance}.${key}`;
                    return (
                      <td key={key}>
                        <input name={name} size={8} defaultValue={values[name]} aria-label={`${label}, ${urgency}/${importance}`} aria-describedby={`${name}-error`} />
                        <FieldError id={`${name}-error`} message={errors[name]} />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <FieldError id="targets-error" message={errors.targets} />
          <fieldset>
            <legend>On breach</legend>
            <label className="sb-filters__check">
              <input type="checkbox" name="raiseUrgency" value="true" defaultChecked={checked('raiseUrgency')} /> Raise urgency one level
            </label>
            <label>
              Move to team
              <select name="escalateTeamId" defaultValue={values.escalateTeamId} aria-describedby="escalateTeamId-error">
                <option value="">(keep)</option>
                {loaded.teams.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
              <FieldError id="escalateTeamId-error" message={errors.escalateTeamId} />
            </label>
            <label>
              Reassign to
              <select name="escalateAssigneeId" defaultValue={values.escalateAssigneeId} aria-describedby="escalateAssigneeId-error">
                <option value="">(keep)</option>
                {loaded.agents.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
              <FieldError id="escalateAssigneeId-error" message={errors.escalateAssigneeId} />
            </label>
          </fieldset>
          {loaded.isDefault ? (
            <p className="sb-muted">The default policy covers every ticket no other policy is assigned to.</p>
          ) : (
            <label>
              Applies to (one per line, companyId:issueTypeId, * for any; issue types:{' '}
              {loaded.issueTypes.map((t) => `${t.id} ${t.name}`).join(', ') || 'none yet'})
              <textarea name="assignments" rows={3} defaultValue={values.assignments} placeholder="12:*" aria-describedby="assignments-error" />
              <FieldError id="assignments-error" message={errors.assignments} />
            </label>
          )}
          <button type="submit" className="sb-button sb-button--primary">
            Save policy
          </button>
        </Form>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
