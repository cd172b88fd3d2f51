import { data, redirect } from '@remix-run/node';
import { apiErrorKind, apiFailure, apiFieldErrors, errorText } from '~/api.server';
import { flash, type AgentContext } from '~/session.server';

type StaffRole = 'agent' | 'manager' | 'admin';
type MappingInput = { group: string; role: StaffRole | null; teamId: number | null };

/** What an edit of one mapping returns when it is refused: the form shows it again with its errors. */
export interface SsoEditResult {
  index: number;
  values: MappingInput;
  errors: Record<string, string>;
  error: string;
}

/** A mapping as the add and edit forms send it. */
function mappingFrom(form: FormData): MappingInput {
  const role = String(form.get('role') ?? '');
  return { group: String(form.get('group') ?? ''), role: role ? (role as StaffRole) : null, teamId: Number(form.get('teamId')) || null };
}

const sameMapping = (a: MappingInput, b: MappingInput) => a.group === b.group && a.role === b.role && a.teamId === b.teamId;

/** The API names fields `mappings.<n>.<field>`; each form shows them by field. */
const byField = (error: unknown) => Object.fromEntries(Object.entries(apiFieldErrors(error)).map(([k, v]) => [k.replace(/^mappings\.\d+\./, ''), v]));

const currentMappings = async (api: AgentContext['api']) =>
  (await api.account.ssoGroupMappings.query({})).mappings.map(({ group, role, teamId }) => ({ group, role, teamId }));

/** Adds (`sso-add`) or removes (`sso-remove`, by position) one single sign-on group mapping; the API takes the whole list. */
export async function saveSsoGroupMapping(request: Request, { api, session }: AgentContext, intent: 'sso-add' | 'sso-remove', form: FormData) {
  try {
    const current = await currentMappings(api);
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

/**
 * Changes one mapping in place (`sso-edit`, by position). The form carries the row as it was shown, so a
 * row changed meanwhile (another admin, another tab) is refused rather than overwritten blindly.
 */
export async function editSsoGroupMapping(request: Request, { api, session }: AgentContext, form: FormData) {
  const index = Number(form.get('index'));
  const values = mappingFrom(form);
  try {
    const current = await currentMappings(api);
    const shown = { group: String(form.get('originalGroup') ?? ''), role: (String(form.get('originalRole') ?? '') || null) as StaffRole | null, teamId: Number(form.get('originalTeamId')) || null };
    if (!Number.isInteger(index) || !current[index] || !sameMapping(current[index], shown)) {
      const ssoEdit: SsoEditResult = { index, values, errors: {}, error: 'This mapping was changed or removed meanwhile; the list below is the current one.' };
      return data({ ssoEdit }, { status: 409 });
    }
    await api.account.saveSsoGroupMappings.mutate({ mappings: current.map((m, i) => (i === index ? values : m)) });
  } catch (error) {
    if (apiErrorKind(error) === 'bad_request') {
      const ssoEdit: SsoEditResult = { index, values, errors: byField(error), error: errorText(error, 'The mapping was not accepted.') };
      return data({ ssoEdit }, { status: 400 });
    }
    return apiFailure(error, request, session);
  }
  return redirect('/admin/security', { headers: await flash(session, { kind: 'success', message: 'Group mapping changed; it applies at each single sign-on.' }) });
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
