import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { apiFailure } from '~/api.server';
import { requireAdmin } from '~/admin.server';
import { AdminTabs } from '~/components/AdminTabs';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { SECURITY_LOG_KINDS, SecurityLogTable, type SecurityLogKind } from '~/components/SecurityLogTable';
import { SsoGroupMappings } from '~/components/SsoGroupMappings';
import { TwoFactorRolesForm } from '~/components/TwoFactorRolesForm';
import { editSsoGroupMapping, saveSsoGroupMapping, saveTwoFactorRoles, type SsoEditResult } from '~/security-admin.server';

export const meta: MetaFunction = () => [{ title: 'Security log · Switchboard workspace' }];

/** The admins' view of the security log: sign-ins and permission changes, newest first, 50 a page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { api, session, timeZone } = await requireAdmin(request);
  const params = new URL(request.url).searchParams;
  const kind: SecurityLogKind = (Object.keys(SECURITY_LOG_KINDS) as SecurityLogKind[]).find((k) => k === params.get('kind')) ?? 'all';
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

/**
 * Saves which staff roles must use two-factor sign-in (no intent), or adds (`sso-add`), changes in
 * place (`sso-edit`) or removes (`sso-remove`) a single sign-on group mapping, by position; the API
 * takes the whole list.
 */
export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  if (intent === 'sso-edit') return editSsoGroupMapping(request, admin, form);
  if (intent === 'sso-add' || intent === 'sso-remove') return saveSsoGroupMapping(request, admin, intent, form);
  return saveTwoFactorRoles(request, admin, form);
}

export default function SecurityLog() {
  const { entries, nextBefore, kind, userId, now, timeZone, settings, ssoMappings, teams, editing } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ ssoErrors?: Record<string, string>; ssoError?: string; ssoEdit?: SsoEditResult }>();
  return (
    <>
      <AdminTabs />
      <div className="sb-page">
        <h1 className="sb-page__title">Security</h1>
        <TwoFactorRolesForm roles={settings.twoFactorRoles} />
        <SsoGroupMappings mappings={ssoMappings} teams={teams} errors={actionData?.ssoErrors ?? {}} editing={editing} edit={actionData?.ssoEdit} />
        <SecurityLogTable entries={entries} nextBefore={nextBefore} kind={kind} userId={userId} now={now} timeZone={timeZone} />
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
