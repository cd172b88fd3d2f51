import { Form } from '@remix-run/react';
import type { SecuritySettings } from '@switchboard/contracts';

/** Which staff roles must use two-factor sign-in (posted without an intent). */
export function TwoFactorRolesForm({ roles }: { roles: SecuritySettings['twoFactorRoles'] }) {
  return (
    <Form method="post" className="sb-form" data-testid="security-settings">
      <fieldset className="sb-field sb-field--choices">
        <legend>Two-factor sign-in is required for (single sign-on counts)</legend>
        {(['agent', 'manager', 'admin'] as const).map((role) => (
          <label key={role}>
            <input type="checkbox" name="twoFactorRoles" value={role} defaultChecked={roles.includes(role)} /> {role}s
          </label>
        ))}
      </fieldset>
      <div className="sb-form__actions">
        <button type="submit" className="sb-button sb-button--primary">
          Save
        </button>
      </div>
    </Form>
  );
}
