import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { requireAdmin } from '~/admin.server';
import { apiErrorKind, apiFailure, apiFieldErrors } from '~/api.server';
import { AdminTabs } from '~/components/AdminTabs';
import { FieldError } from '~/components/FieldError';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { flash } from '~/session.server';

export const meta: MetaFunction = () => [{ title: 'Chat widget · Switchboard workspace' }];

/** Per company: chat on or off, the secret for identified visitors, the proactive invitation, the routing category. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { api, session } = await requireAdmin(request);
  try {
    const [companies, catalog] = await Promise.all([api.companies.list.query(), api.catalog.get.query()]);
    const chosen = Number(new URL(request.url).searchParams.get('company')) || companies[0]?.id || null;
    const settings = chosen ? await api.chat.settings.query({ companyId: chosen }) : null;
    return { companies: companies.map((c) => ({ id: c.id, name: c.name })), categories: catalog.categories, settings };
  } catch (error) {
    return apiFailure(error, request, session, { notFound: 'That company does not exist.' });
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { api, session } = await requireAdmin(request);
  const form = await request.formData();
  const companyId = Number(form.get('companyId'));
  const seconds = String(form.get('inviteAfterSeconds') ?? '').trim();
  try {
    await api.chat.saveSettings.mutate({
      companyId,
      enabled: form.get('enabled') === 'on',
      rotateSecret: form.get('rotateSecret') === 'on',
      inviteAfterSeconds: seconds === '' ? null : Number(seconds),
      inviteUrlPattern: String(form.get('inviteUrlPattern') ?? '').trim() || null,
      inviteMessage: String(form.get('inviteMessage') ?? '').trim() || null,
      categoryId: Number(form.get('categoryId')) || null,
    });
  } catch (error) {
    if (apiErrorKind(error) === 'bad_request') return data({ fieldErrors: apiFieldErrors(error) }, { status: 400 });
    return apiFailure(error, request, session);
  }
  return redirect(`/admin/chat?company=${companyId}`, { headers: await flash(session, { kind: 'success', message: 'Chat settings saved.' }) });
}

export default function ChatSettingsPage() {
  const { companies, categories, settings } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const [params] = useSearchParams();
  const errors = (result?.fieldErrors ?? {}) as Record<string, string | undefined>;
  return (
    <>
      <AdminTabs />
      <div className="sb-page sb-page--narrow">
        <h1 className="sb-page__title">Chat widget</h1>
        <Form method="get" className="sb-form__row">
          <label htmlFor="chat-company">Company</label>
          <select id="chat-company" name="company" defaultValue={params.get('company') ?? settings?.companyId ?? ''}>
            {companies.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <button type="submit" className="sb-button sb-button--small">
            Show
          </button>
        </Form>
        {settings ? (
          <>
            <p className="sb-muted">Put this on any page of the company’s website:</p>
            <pre data-testid="chat-snippet">{`<script src="${settings.widgetUrl}" data-company="${settings.companyId}" async></script>`}</pre>
            <p className="sb-muted">
              Identified visitors: add <code>data-user-id</code> and <code>data-user-signature</code> = hex HMAC-SHA256 of the user id with the
              secret below, computed on your server.
            </p>
            <Form method="post" className="sb-settings-form" key={`${settings.companyId}-${settings.secret ?? ''}`}>
              <input type="hidden" name="companyId" value={settings.companyId} />
              <label className="sb-settings-form__check">
                <input type="checkbox" name="enabled" defaultChecked={settings.enabled} /> Chat is on
              </label>
              <div className="sb-settings-form__field">
                <label htmlFor="chat-secret">Secret</label>
                <input id="chat-secret" readOnly value={settings.secret ?? 'none yet (set when chat is switched on)'} />
                <label className="sb-settings-form__check">
                  <input type="checkbox" name="rotateSecret" /> Make a new secret (signatures made with the old one stop working)
                </label>
              </div>
              <div className="sb-settings-form__field">
                <label htmlFor="chat-category">Route chats as category</label>
                <select id="chat-category" name="categoryId" defaultValue={settings.categoryId ?? ''}>
                  <option value="">None (the default team)</option>
                  {categories.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
                <FieldError id="chat-category-error" message={errors.categoryId} />
              </div>
              <div className="sb-settings-form__field">
                <label htmlFor="chat-invite-seconds">Invite after (seconds on the page)</label>
                <input id="chat-invite-seconds" name="inviteAfterSeconds" inputMode="numeric" defaultValue={settings.inviteAfterSeconds ?? ''} />
                <FieldError id="chat-invite-seconds-error" message={errors.inviteAfterSeconds} />
              </div>
              <div className="sb-settings-form__field">
                <label htmlFor="chat-invite-pattern">On pages matching</label>
                <input id="chat-invite-pattern" name="inviteUrlPattern" placeholder="*/pricing*" defaultValue={settings.inviteUrlPattern ?? ''} />
              </div>
              <div className="sb-settings-form__field">
                <label htmlFor="chat-invite-message">Invitation</label>
                <input id="chat-invite-message" name="inviteMessage" defaultValue={settings.inviteMessage ?? ''} />
              </div>
              <button type="submit" className="sb-button sb-button--primary" disabled={busy}>
                {busy ? 'Saving…' : 'Save'}
              </button>
            </Form>
          </>
        ) : (
          <p className="sb-empty">Create a company first.</p>
        )}
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
