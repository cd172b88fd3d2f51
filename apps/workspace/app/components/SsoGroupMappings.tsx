import { Form, Link } from '@remix-run/react';
import type { SsoGroupMappings as Mappings } from '@switchboard/contracts';
import type { SsoEditResult } from '~/security-admin.server';
import { SsoMappingEditForm } from './SsoMappingEditForm';

/**
 * The single sign-on group mappings: the list with edit (`?edit=<position>`, then `sso-edit`) and remove
 * (`sso-remove`) per row, and the add form (`sso-add`).
 */
export function SsoGroupMappings({
  mappings,
  teams,
  errors,
  editing,
  edit,
}: {
  mappings: Mappings['mappings'];
  teams: Array<{ id: number; name: string }>;
  errors: Record<string, string>;
  /** The row shown as a form, from the address (`?edit=`). */
  editing: number | null;
  /** A refused edit, shown again in its row with its errors. */
  edit?: SsoEditResult;
}) {
  return (
    <>
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
            {mappings.map((m, i) =>
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
          <input name="group" required maxLength={255} aria-invalid={errors.group ? true : undefined} />
          {errors.group ? <span className="sb-field-error" data-testid="field-error">{errors.group}</span> : null}
        </label>
        <label className="sb-field">
          <span>Role</span>
          <select name="role" defaultValue="">
            <option value="">no role</option>
            <option value="agent">agent</option>
            <option value="manager">manager</option>
            <option value="admin">admin</option>
          </select>
          {errors.role ? <span className="sb-field-error" data-testid="field-error">{errors.role}</span> : null}
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
          {errors.teamId ? <span className="sb-field-error" data-testid="field-error">{errors.teamId}</span> : null}
        </label>
        <div className="sb-form__actions">
          <button type="submit" className="sb-button">
            Add mapping
          </button>
        </div>
      </Form>
    </>
  );
}
