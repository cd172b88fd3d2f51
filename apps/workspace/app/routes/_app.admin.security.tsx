import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { RelativeTime } from '@switchboard/ui';
import { apiErrorKind, apiFailure, apiFieldErrors, errorText } from '~/api.server';
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
  const editing = params.has('edit') ? Number(params.get('edit')) : null;
  try {
    const [log, settings, sso, teams] = await Promise.all([
      api.audit.security.query({ kind, userId, before, limit: 50 }),
      api.account.securitySettings.query({}),
      api.account.ssoGroupMappings.query({}),
      api.people.teams.query(),
    ]);
    return {
      ...log,
      settings,
      ssoMappings: sso.mappings,
      teams: teams.map((t) => ({ id: t.id, name: t.name })),
      kind,
      userId: userId ?? null,
      /** The mapping row shown as a form (`?edit=<position>`), so editing works without JavaScript. */
      editing,
      now: new Date().toISOString(),
      timeZone,
    };
  } catch (error) {
    return apiFailure(error, request, session, { forbidden: 'The security log is for admins.' });
  }
}

type StaffRole = 'agent' | 'manager' | 'admin';
type MappingInput = { group: string; role: StaffRole | null; teamId: number | null };

/** A mapping as the add and edit forms send it. */
function mappingFrom(form: FormData): MappingInput {
  const role = String(form.get('role') ?? '');
  return { group: String(form.get('group') ?? ''), role: role ? (role as StaffRole) : null, teamId: Number(form.get('teamId')) || null };
}

const sameMapping = (a: MappingInput, b: MappingInput) => a.group === b.group && a.role === b.role && a.teamId === b.teamId;

/** The API names fields `mappings.<n>.<field>`; each form shows them by field. */
const byField = (error: unknown) => Object.fromEntries(Object.entries(apiFieldErrors(error)).map(([k, v]) => [k.replace(/^mappings\.\d+\./, ''), v]));

/**
 * Saves which staff roles must use two-factor sign-in (no intent), or adds (`sso-add`), changes in
 * place (`sso-edit`) or removes (`sso-remove`) a single sign-on group mapping, by position; the API
 * takes the whole list. An edit carries the row as it was shown, so a row changed meanwhile (another
 * admin, another tab) is not overwritten blindly.
 */
export async function action({ request }: ActionFunctionArgs) {
  const { api, session } = await requireAdmin(request);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  if (intent === 'sso-edit') {
    const index = Number(form.get('index'));
    const values = mappingFrom(form);
    try {
      const current = (await api.account.ssoGroupMappings.query({})).mappings.map(({ group, role, teamId }) => ({ group, role, teamId }));
      const shown = { group: String(form.get('originalGroup') ?? ''), role: (String(form.get('originalRole') ?? '') || null) as StaffRole | null, teamId: Number(form.get('originalTeamId')) || null };
      if (!Number.isInteger(index) || !current[index] || !sameMapping(current[index], shown)) {
        return data({ ssoEdit: { index, values, errors: {}, error: 'This mapping was changed or removed meanwhile; the list below is the current one.' } }, { status: 409 });
      }
      await api.account.saveSsoGroupMappings.mutate({ mappings: current.map((m, i) => (i === index ? values : m)) });
    } catch (error) {
      if (apiErrorKind(error) === 'bad_request') {
        return data({ ssoEdit: { index, values, errors: byField(error), error: errorText(error, 'The mapping was not accepted.') } }, { status: 400 });
      }
      return apiFailure(error, request, session);
    }
    return redirect('/admin/security', { headers: await flash(session, { kind: 'success', message: 'Group mapping changed; it applies at each single sign-on.' }) });
  }
  if (intent === 'sso-add' || intent === 'sso-remove') {
    try {
      const current = (await api.account.ssoGroupMappings.query({})).mappings.map(({ group, role, teamId }) => ({ group, role, teamId }));
      const mappings = intent === 'sso-add' ? [...current, mappingFrom(form)] : current.filter((_m, i) => i !== Number(form.get('index')));
      await api.account.saveSsoGroupMappings.mutate({ mappings });
    } catch (error) {
      if (apiErrorKind(error) === 'bad_request') {
        // The new row is the last one: show its field errors next to the add form.
        return data({ ssoErrors: byField(error), ssoError: errorText(error, 'The mapping was not accepted.') }, { status: 400 });
      }
      return apiFailure(error, request, session);
    }
    const message = intent === 'sso-add' ? 'Group mapping added; it applies at each single sign-on.' : 'Group mapping removed.';
    return redirect('/admin/security', { headers: await flash(session, { kind: 'success', message }) });
  }
  try {
    await api.account.saveSecuritySettings.mutate({ twoFactorRoles: form.getAll('twoFactorRoles').map(String) as StaffRole[] });
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
  const { entries, nextBefore, kind, userId, now, timeZone, settings, ssoMappings, teams, editing } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ ssoErrors?: Record<string, string>; ssoError?: string; ssoEdit?: SsoEditResult }>();
  const edit = actionData?.ssoEdit;
  const ssoErrors = actionData?.ssoErrors ?? {};
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
        <h2>Single sign-on groups</h2>
        <p className="sb-page__lede">
          At each single sign-on, members of a provider group get its role (the highest of their groups; agent when none of
          their groups names a role) and join its team; leaving a group takes them away again. The last admin is never demoted.
        </p>
        <div className="sb-table-wrap">
          <table className="sb-table" data-testid="sso-groups">
            <thead>
              <tr>
                <th>Group</th>
                <th>Role</th>
                <th>Team</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {ssoMappings.map((m, i) =>
                editing === i || edit?.index === i ? (
                  <tr key={`${m.group}-${i}-edit`} data-testid="sso-group-edit-row" data-group={m.group}>
                    <td colSpan={4}>
                      <SsoMappingEditForm index={i} mapping={m} teams={teams} result={edit?.index === i ? edit : undefined} />
                    </td>
                  </tr>
                ) : (
                  <tr key={`${m.group}-${i}`} data-testid="sso-group-row" data-group={m.group}>
                    <td>
                      <code>{m.group}</code>
                    </td>
                    <td>{m.role ?? <span className="sb-muted">—</span>}</td>
                    <td>{m.teamName ?? <span className="sb-muted">—</span>}</td>
                    <td>
                      <Link to={`/admin/security?edit=${i}`} preventScrollReset className="sb-button sb-button--small" data-testid="sso-group-edit">
                        Edit
                      </Link>{' '}
                      <Form method="post" style={{ display: 'inline' }}>
                        <input type="hidden" name="intent" value="sso-remove" />
                        <input type="hidden" name="index" value={i} />
                        <button type="submit" className="sb-button sb-button--small" data-testid="sso-group-remove">
                          Remove
                        </button>
                      </Form>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
        <Form method="post" className="sb-form sb-form--inline" noValidate data-testid="sso-group-add">
          <input type="hidden" name="intent" value="sso-add" />
          <label className="sb-field">
            <span>Group (as the provider sends it)</span>
            <input name="group" required maxLength={255} aria-invalid={ssoErrors.group ? true : undefined} />
            {ssoErrors.group ? <span className="sb-field-error" data-testid="field-error">{ssoErrors.group}</span> : null}
          </label>
          <label className="sb-field">
            <span>Role</span>
            <select name="role" defaultValue="">
              <option value="">no role</option>
              <option value="agent">agent</option>
              <option value="manager">manager</option>
              <option value="admin">admin</option>
            </select>
            {ssoErrors.role ? <span className="sb-field-error" data-testid="field-error">{ssoErrors.role}</span> : null}
          </label>
          <label className="sb-field">
            <span>Team</span>
            <select name="teamId" defaultValue="">
              <option value="">no team</option>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
            {ssoErrors.teamId ? <span className="sb-field-error" data-testid="field-error">{ssoErrors.teamId}</span> : null}
          </label>
          <div className="sb-form__actions">
            <button type="submit" className="sb-button">
              Add mapping
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
                  <td title={e.userAgent ?? undefined} data-testid="security-log-from">
                    {e.ip ?? <span className="sb-muted">—</span>}
                    {e.userAgent ? <span className="sb-muted" data-testid="security-log-agent"> · {e.userAgent}</span> : null}
                  </td>
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

interface SsoEditResult {
  index: number;
  values: { group: string; role: StaffRole | null; teamId: number | null };
  errors: Record<string, string>;
  error: string;
}

/** One mapping changed in place: the row as it was shown travels along, so a stale edit is refused. */
function SsoMappingEditForm({
  index,
  mapping,
  teams,
  result,
}: {
  index: number;
  mapping: { group: string; role: StaffRole | null; teamId: number | null };
  teams: { id: number; name: string }[];
  result?: SsoEditResult;
}) {
  const values = result?.values ?? mapping;
  const errors = result?.errors ?? {};
  // Errors no field of this form shows (a stale row, another row's problem) are said above it.
  const keys = Object.keys(errors);
  const unplaced = result && (keys.length === 0 || keys.some((k) => !['group', 'role', 'teamId'].includes(k)));
  return (
    <Form method="post" action={`/admin/security?edit=${index}`} className="sb-form sb-form--inline" noValidate data-testid="sso-group-edit-form" key={JSON.stringify(values)}>
      <input type="hidden" name="intent" value="sso-edit" />
      <input type="hidden" name="index" value={index} />
      <input type="hidden" name="originalGroup" value={mapping.group} />
      <input type="hidden" name="originalRole" value={mapping.role ?? ''} />
      <input type="hidden" name="originalTeamId" value={mapping.teamId ?? ''} />
      {unplaced ? (
        <p className="sb-alert sb-alert--error sb-alert--small" role="alert" data-testid="sso-group-edit-error">
          {result.error}
        </p>
      ) : null}
      <label className="sb-field">
        <span>Group (as the provider sends it)</span>
        <input name="group" required maxLength={255} defaultValue={values.group} aria-invalid={errors.group ? true : undefined} />
        {errors.group ? <span className="sb-field-error" data-testid="field-error" data-field="group">Group {errors.group}</span> : null}
      </label>
      <label className="sb-field">
        <span>Role</span>
        <select name="role" defaultValue={values.role ?? ''} aria-invalid={errors.role ? true : undefined}>
          <option value="">no role</option>
          <option value="agent">agent</option>
          <option value="manager">manager</option>
          <option value="admin">admin</option>
        </select>
        {errors.role ? <span className="sb-field-error" data-testid="field-error" data-field="role">Role: {errors.role}</span> : null}
      </label>
      <label className="sb-field">
        <span>Team</span>
        <select name="teamId" defaultValue={values.teamId ?? ''} aria-invalid={errors.teamId ? true : undefined}>
          <option value="">no team</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        {errors.teamId ? <span className="sb-field-error" data-testid="field-error" data-field="teamId">Team: {errors.teamId}</span> : null}
      </label>
      <div className="sb-form__actions">
        <button type="submit" className="sb-button sb-button--primary" data-testid="sso-group-save">
          Save
        </button>{' '}
        <Link to="/admin/security" preventScrollReset className="sb-button sb-button--quiet" data-testid="sso-group-cancel">
          Cancel
        </Link>
      </div>
    </Form>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
