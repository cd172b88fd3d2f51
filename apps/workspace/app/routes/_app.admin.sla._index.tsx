import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { LEVELS, type SlaPreview } from '@switchboard/contracts';
import { formatMinutes, formatWeeklyHours, levelLabel } from '@switchboard/ui';
import { requireAdmin } from '~/admin.server';
import { apiFailure, apiFieldErrors } from '~/api.server';
import { AdminTable } from '~/components/AdminTable';
import { AdminTabs } from '~/components/AdminTabs';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { slaApi } from '~/sla-admin.server';

export const meta: MetaFunction = () => [{ title: 'SLA · Switchboard workspace' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, session } = await requireAdmin(request);
  const params = new URL(request.url).searchParams;
  const calls = slaApi(api);
  let settings;
  try {
    settings = await calls.sla.settings.query();
  } catch (error) {
    return apiFailure(error, request, session);
  }
  const policyId = Number(params.get('policyId')) || settings.policies[0]?.id;
  const urgency = (LEVELS as readonly string[]).includes(params.get('urgency') ?? '') ? (params.get('urgency') as (typeof LEVELS)[number]) : 'critical';
  const importance = (LEVELS as readonly string[]).includes(params.get('importance') ?? '') ? (params.get('importance') as (typeof LEVELS)[number]) : 'high';
  const createdAtLocal = params.get('createdAt') ?? '';
  let preview: SlaPreview | null = null;
  let previewError: string | null = null;
  if (createdAtLocal && policyId) {
    try {
      preview = await calls.sla.preview.query({ policyId, urgency, importance, createdAtLocal });
    } catch (error) {
      previewError = Object.values(apiFieldErrors(error))[0] ?? (error instanceof Error ? error.message : 'The preview failed.');
    }
  }
  return { ...settings, query: { policyId, urgency, importance, createdAtLocal }, preview, previewError };
}

export default function SlaAdmin() {
  const { policies, calendars, query, preview, previewError } = useLoaderData<typeof loader>();
  return (
    <>
      <AdminTabs />
      <div className="sb-page">
        <div className="sb-page__head">
          <h1 className="sb-page__title">SLA policies</h1>
          <span className="sb-page__actions">
            <Link to="/admin/sla/policies/new" className="sb-button sb-button--primary sb-button--small">
              New policy
            </Link>
          </span>
        </div>
        <AdminTable testId="sla-policies" columns={['Policy', 'Counts', 'Critical/critical', 'Applies to']} items={policies}>
          {(p) => {
            const top = p.targets.find((t) => t.urgency === 'critical' && t.importance === 'critical');
            return (
              <tr key={p.id}>
                <td>
                  <Link to={`/admin/sla/policies/${p.id}`}>{p.name}</Link>
                </td>
                <td>{p.businessTime ? `Business hours (${p.calendarName})` : 'Calendar time (24/7)'}</td>
                <td>{top ? `${formatMinutes(top.firstResponseMinutes)} / ${formatMinutes(top.resolutionMinutes)}` : '—'}</td>
                <td>
                  {p.isDefault ? 'Everything not assigned elsewhere' : null}
                  {p.assignments.map((a) => [a.companyId ? `company #${a.companyId}` : null, a.issueTypeId ? `issue type #${a.issueTypeId}` : null].filter(Boolean).join(' + ')).join('; ')}
                </td>
              </tr>
            );
          }}
        </AdminTable>

        <h2 className="sb-page__subtitle">Preview</h2>
        <Form method="get" className="sb-form sb-form--inline" data-testid="sla-preview-form">
          <label>
            Policy
            <select name="policyId" defaultValue={query.policyId}>
              {policies.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <LevelSelect label="Urgency" name="urgency" value={query.urgency} />
          <LevelSelect label="Importance" name="importance" value={query.importance} />
          <label>
            Created (calendar’s local time)
            <input type="datetime-local" name="createdAt" defaultValue={query.createdAtLocal} required />
          </label>
          <button type="submit" className="sb-button sb-button--small">
            Preview
          </button>
        </Form>
        {previewError ? (
          <p className="sb-alert sb-alert--error" role="alert">
            {previewError}
          </p>
        ) : null}
        {preview ? (
          <div data-testid="sla-preview">
            <p className="sb-preview__sentence" data-testid="sla-preview-sentence">
              {preview.sentence}.
            </p>
            <ul>
              {preview.items.map((i) => (
                <li key={i.metric}>
                  {i.metric.replace('_', ' ')}: {formatMinutes(i.minutes)} → {i.dueAtLocal} ({preview.timezone})
                </li>
              ))}
            </ul>
          </div>
        ) : null}

        <div className="sb-page__head">
          <h2 className="sb-page__subtitle">Business-hours calendars</h2>
          <span className="sb-page__actions">
            <Link to="/admin/sla/calendars/new" className="sb-button sb-button--small">
              New calendar
            </Link>
          </span>
        </div>
        <AdminTable testId="sla-calendars" columns={['Calendar', 'Time zone', 'Hours', 'Holidays']} items={calendars}>
          {(c) => (
            <tr key={c.id}>
              <td>
                <Link to={`/admin/sla/calendars/${c.id}`}>{c.name}</Link>
              </td>
              <td>{c.timezone}</td>
              <td style={{ whiteSpace: 'pre-line' }}>{formatWeeklyHours(c.weekly)}</td>
              <td>{c.holidays.length}</td>
            </tr>
          )}
        </AdminTable>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}

/** A labelled select over the four levels (low … critical). */
function LevelSelect({ label, name, value }: { label: string; name: string; value: string }) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={value}>
        {LEVELS.map((l) => (
          <option key={l} value={l}>
            {levelLabel(l)}
          </option>
        ))}
      </select>
    </label>
  );
}
