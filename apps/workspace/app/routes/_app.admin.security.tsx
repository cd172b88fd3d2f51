import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { RelativeTime } from '@switchboard/ui';
import { apiFailure } from '~/api.server';
import { requireAdmin } from '~/admin.server';
import { AdminTabs } from '~/components/AdminTabs';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { flash } from '~/session.server';

export const meta: MetaFunction = () => [{ title: 'Security log · Switchboard workspace' }];

const KINDS = { all: 'Everything', sign_in: 'Sign-ins and account security', permission: 'Permission changes' } as const;
type Kind = keyof typeof KINDS;

/** The admins' view of the security log: sign-ins and permission changes, newest first, 50 a page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { api, session, timeZone } = await requireAdmin(request);
  const params = new URL(request.url).searchParams;
  const kind: Kind = (Object.keys(KINDS) as Kind[]).find((k) => k === params.get('kind')) ?? 'all';
  const userId = Number(params.get('userId')) || undefined;
  const before = Number(params.get('before')) || undefined;
  try {
    const [log, settings] = await Promise.all([api.audit.security.query({ kind, userId, before, limit: 50 }), api.account.securitySettings.query({})]);
    return { ...log, settings, kind, userId: userId ?? null, now: new Date().toISOString(), timeZone };
  } catch (error) {
    return apiFailure(error, request, session, { forbidden: 'The security log is for admins.' });
  }
}

/** Saves which staff roles must use two-factor sign-in. */
export async function action({ request }: ActionFunctionArgs) {
  const { api, session } = await requireAdmin(request);
  const form = await request.formData();
  try {
    await api.account.saveSecuritySettings.mutate({ twoFactorRoles: form.getAll('twoFactorRoles').map(String) as ('agent' | 'manager' | 'admin')[] });
  } catch (error) {
    return apiFailure(error, request, session);
  }
  return redirect('/admin/security', { headers: await flash(session, { kind: 'success', message: 'Security settings saved.' }) });
}

/** A short, readable summary of what changed (the raw before/after are in the tooltip). */
function summary(after: unknown): string {
  if (!after || typeof after !== 'object') return '';
  return Object.entries(after as Record<string, unknown>)
    .filter(([key]) => key !== 'id')
    .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join(', ')
    .slice(0, 160);
}

export default function SecurityLog() {
  const { entries, nextBefore, kind, userId, now, timeZone, settings } = useLoaderData<typeof loader>();
  const older = new URLSearchParams({ kind, ...(userId ? { userId: String(userId) } : {}), ...(nextBefore ? { before: String(nextBefore) } : {}) });
  return (
    <>
      <AdminTabs />
      <div className="sb-page">
        <h1 className="sb-page__title">Security</h1>
        <Form method="post" className="sb-form" data-testid="security-settings">
          <fieldset className="sb-field sb-field--choices">
            <legend>Two-factor sign-in is required for (single sign-on counts)</legend>
            {(['agent', 'manager', 'admin'] as const).map((role) => (
              <label key={role}>
                <input type="checkbox" name="twoFactorRoles" value={role} defaultChecked={settings.twoFactorRoles.includes(role)} /> {role}s
              </label>
            ))}
          </fieldset>
          <div className="sb-form__actions">
            <button type="submit" className="sb-button sb-button--primary">
              Save
            </button>
          </div>
        </Form>
        <h2>Security log</h2>
        <p className="sb-page__lede">Sign-ins, failed attempts, lockouts, two-factor and API key changes, and changes to who may do what.</p>
        <Form method="get" className="sb-form__row" data-testid="security-filter">
          <select name="kind" defaultValue={kind} aria-label="Show">
            {(Object.keys(KINDS) as Kind[]).map((k) => (
              <option key={k} value={k}>
                {KINDS[k]}
              </option>
            ))}
          </select>
          <input name="userId" type="number" min={1} defaultValue={userId ?? ''} placeholder="User id" aria-label="User id" />
          <button type="submit" className="sb-button sb-button--small">
            Show
          </button>
        </Form>
        <div className="sb-table-wrap">
          <table className="sb-table" data-testid="security-log">
            <thead>
              <tr>
                <th>When</th>
                <th>What</th>
                <th>About</th>
                <th>By</th>
                <th>From</th>
                <th>Details</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} data-action={e.action}>
                  <td>
                    <RelativeTime value={e.createdAt} now={now} timeZone={timeZone} />
                  </td>
                  <td>{e.action}</td>
                  <td>
                    {e.subject.type === 'User' ? (
                      <Link to={`/admin/security?userId=${e.subject.id}`}>{e.subject.name ?? `user #${e.subject.id}`}</Link>
                    ) : (
                      `${e.subject.type} #${e.subject.id}`
                    )}
                  </td>
                  <td>{e.actor?.name ?? <span className="sb-muted">—</span>}</td>
                  <td title={e.userAgent ?? undefined}>{e.ip ?? <span className="sb-muted">—</span>}</td>
                  <td title={JSON.stringify({ before: e.before, after: e.after })}>{summary(e.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {nextBefore ? (
          <p>
            <Link to={`/admin/security?${older}`}>Older entries</Link>
          </p>
        ) : null}
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
