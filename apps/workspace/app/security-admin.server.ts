import { data, redirect } from '@remix-run/node';
import { apiErrorKind, apiFailure, apiFieldErrors, errorText } from '~/api.server';
import { flash, type AgentContext } from '~/session.server';

type StaffRole = 'agent' | 'manager' | 'admin';

/** Adds (`sso-add`) or removes (`sso-remove`, by position) one single sign-on group mapping; the API takes the whole list. */
export async function saveSsoGroupMapping(request: Request, { api, session }: AgentContext, intent: 'sso-add' | 'sso-remove', form: FormData) {
  try {
    const current = (await api.account.ssoGroupMappings.query({})).mappings.map(({ group, role, teamId }) => ({ group, role, teamId }));
    const role = String(form.get('role') ?? '');
    const teamId = Number(form.get('teamId')) || null;
    const mappings =
      intent === 'sso-add'
        ? [...current, { group: String(form.get('group') ?? ''), role: role ? (role as StaffRole) : null, teamId }]
        : current.filter((_m, i) => i !== Number(form.get('index')));
    await api.account.saveSsoGroupMappings.mutate({ mappings });
  } catch (error) {
    if (apiErrorKind(error) === 'bad_request') {
      // The new row is the last one: show its field errors next to the add form.
      const fields = Object.fromEntries(Object.entries(apiFieldErrors(error)).map(([k, v]) => [k.replace(/^mappings\.\d+\./, ''), v]));
      return data({ ssoErrors: fields, ssoError: errorText(error, 'The mapping was not accepted.') }, { status: 400 });
    }
    return apiFailure(error, request, session);
  }
  const message = intent === 'sso-add' ? 'Group mapping added; it applies at each single sign-on.' : 'Group mapping removed.';
  return redirect('/admin/security', { headers: await flash(session, { kind: 'success', message }) });
}

/** Saves which staff roles must use two-factor sign-in. */
export async function saveTwoFactorRoles(request: Request, { api, session }: AgentContext, form: FormData) {
  try {
    await api.account.saveSecuritySettings.mutate({ twoFactorRoles: form.getAll('twoFactorRoles').map(String) as StaffRole[] });
  } catch (error) {
    return apiFailure(error, request, session);
  }
  return redirect('/admin/security', { headers: await flash(session, { kind: 'success', message: 'Security settings saved.' }) });
}
