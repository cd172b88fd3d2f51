import { Form, Link } from '@remix-run/react';
import type { SsoEditResult } from '~/security-admin.server';

type StaffRole = 'agent' | 'manager' | 'admin';

/** One mapping changed in place: the row as it was shown travels along, so a stale edit is refused. */
export function SsoMappingEditForm({
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
