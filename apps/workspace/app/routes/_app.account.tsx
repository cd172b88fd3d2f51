import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import type { ApiKey, ApiKeyList, Session, TwoFactorSetup, TwoFactorStatus } from '@switchboard/contracts';
import { apiErrorKind, apiFailure, apiFieldErrors } from '~/api.server';
import { ApiKeysTable } from '~/components/ApiKeysTable';
import { FieldError } from '~/components/FieldError';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { SessionsTable } from '~/components/SessionsTable';
import { TwoFactorPanel } from '~/components/TwoFactorPanel';
import { fieldSentence } from '~/fields';
import { flash, requireAgent } from '~/session.server';

export const meta: MetaFunction = () => [{ title: 'Account security · Switchboard workspace' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, session, timeZone, user } = await requireAgent(request);
  try {
    const [sessions, keys, twoFactor, me] = await Promise.all([
      api.account.sessions.query(),
      api.account.apiKeys.query(),
      api.account.twoFactorStatus.query(),
      api.auth.me.query(),
    ]);
    return {
      sessions: sessions.items as Session[],
      keys: keys.items as ApiKey[],
      /** The admins require two-factor for this user's role and it is not on: their keys are refused. */
      keysRefused: keys.ownKeysRefused as ApiKeyList['ownKeysRefused'],
      twoFactor: twoFactor as TwoFactorStatus,
      /** The admins require two-factor for this role and this session has not passed it. */
      required: Boolean(me.twoFactorSetupRequired),
      user,
      timeZone,
      now: new Date().toISOString(),
    };
  } catch (error) {
    return apiFailure(error, request, session);
  }
}

interface AccountActionData {
  twoFactorSetup?: TwoFactorSetup;
  /** Shown in this response only: the recovery codes of a two-factor setup just confirmed, or regenerated. */
  recoveryCodes?: string[];
  secret?: string;
  keyName?: string;
  fieldErrors?: Record<string, string>;
}

export async function action({ request }: ActionFunctionArgs) {
  const { api, session } = await requireAgent(request);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const id = Number(form.get('id'));
  try {
    switch (intent) {
      case 'revoke-session':
        await api.account.revokeSession.mutate({ id });
        return redirect('/account', { headers: await flash(session, { kind: 'success', message: 'That session is signed out.' }) });
      case 'revoke-others': {
        const { revoked } = await api.account.revokeOtherSessions.mutate();
        const message = `Signed out ${revoked} other session${revoked === 1 ? '' : 's'}.`;
        return redirect('/account', { headers: await flash(session, { kind: 'success', message }) });
      }
      case 'revoke-key':
        await api.account.revokeApiKey.mutate({ id });
        return redirect('/account', { headers: await flash(session, { kind: 'success', message: 'The API key is revoked; it stops working at once.' }) });
      case 'create-key': {
        const days = String(form.get('expiresInDays') ?? '');
        const created = await api.account.createApiKey.mutate({
          name: String(form.get('name') ?? ''),
          scope: String(form.get('scope') ?? '') as 'read' | 'write',
          ...(days ? { expiresInDays: Number(days) } : {}),
        });
        // Shown once, in this response only: never in a cookie, never again.
        return data<AccountActionData>({ secret: created.secret, keyName: created.apiKey.name });
      }
      case 'setup-two-factor':
        // The seed is shown in this response only, like an API key.
        return data<AccountActionData>({ twoFactorSetup: (await api.account.setupTwoFactor.mutate()) as TwoFactorSetup });
      case 'enable-two-factor': {
        // The recovery codes are shown in this response only, like an API key: not a redirect with a flash.
        const { recoveryCodes } = await api.account.enableTwoFactor.mutate({ code: String(form.get('code') ?? '').replace(/\s+/g, '') });
        return data<AccountActionData>({ recoveryCodes });
      }
      case 'regenerate-recovery-codes': {
        const { recoveryCodes } = await api.account.regenerateRecoveryCodes.mutate({ code: String(form.get('code') ?? '').replace(/\s+/g, '') });
        return data<AccountActionData>({ recoveryCodes });
      }
      case 'disable-two-factor':
        await api.account.disableTwoFactor.mutate({ code: String(form.get('code') ?? '').replace(/\s+/g, '') });
        return redirect('/account', { headers: await flash(session, { kind: 'success', message: 'Two-factor sign-in is off.' }) });
      default:
        return data<AccountActionData>({ fieldErrors: { intent: 'Unknown action.' } }, { status: 400 });
    }
  } catch (error) {
    if (apiErrorKind(error) === 'bad_request') return data<AccountActionData>({ fieldErrors: apiFieldErrors(error) }, { status: 400 });
    return apiFailure(error, request, session);
  }
}

export default function Account() {
  const { sessions, keys, keysRefused, twoFactor, user, timeZone, now, required } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as AccountActionData | undefined;
  const busy = useNavigation().state === 'submitting';
  const errors = result?.fieldErrors ?? {};
  return (
    <div className="sb-page">
      <div className="sb-page__head">
        <h1 className="sb-page__title">Account security</h1>
      </div>
      <p className="sb-page__lede">
        <Link to="/notification-settings" data-testid="notification-settings-link">
          Notification settings
        </Link>{' '}
        (which events reach you in-app and by email, quiet hours)
      </p>

      <section className="sb-section" aria-labelledby="sessions-title">
        <h2 id="sessions-title">Where you are signed in</h2>
        <SessionsTable sessions={sessions} now={now} timeZone={timeZone} />
        {sessions.length > 1 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="revoke-others" />
            <button type="submit" className="sb-button" data-testid="revoke-others">
              Sign out everywhere else
            </button>
          </Form>
        ) : null}
      </section>

      <section className="sb-section" id="two-factor" aria-labelledby="two-factor-title">
        <h2 id="two-factor-title">Two-factor sign-in</h2>
        {required ? (
          <p className="sb-alert sb-alert--error" role="alert" data-testid="two-factor-required">
            Your role must use two-factor sign-in. Set it up here to carry on
            {twoFactor.enabled ? ' (it is on: sign out and sign in again with a code from the app)' : ''}.
          </p>
        ) : null}
        <TwoFactorPanel status={twoFactor} setup={result?.twoFactorSetup} recoveryCodes={result?.recoveryCodes} codeError={errors.code} />
      </section>

      <section className="sb-section" aria-labelledby="keys-title">
        <h2 id="keys-title">API keys</h2>
        <p className="sb-page__lede">
          An API key lets an integration call the REST API (<code>Authorization: Bearer sbk_…</code>) with your rights. A read-only key may only
          read. Keys are shown once, when you create them.
        </p>
        {result?.secret ? (
          <div className="sb-alert sb-alert--success" role="status" data-testid="new-key">
            Copy the key “{result.keyName}” now; it will not be shown again:
            <code className="sb-secret" data-testid="new-key-secret">
              {result.secret}
            </code>
          </div>
        ) : null}
        {keysRefused ? (
          <p className="sb-alert sb-alert--warning" role="alert" data-testid="api-keys-refused">
            Your API keys are refused: the admins require two-factor sign-in for your role ({keysRefused.role}) and you have not set it up.{' '}
            <a href="#two-factor" data-testid="api-keys-refused-setup">
              Set up two-factor sign-in
            </a>{' '}
            and every key of yours works again, older ones too.
          </p>
        ) : null}
        <ApiKeysTable keys={keys} now={now} timeZone={timeZone} showOwner={user.role === 'admin'} />
        <Form method="post" className="sb-form sb-form--inline" noValidate data-testid="create-key">
          <input type="hidden" name="intent" value="create-key" />
          <div className="sb-field">
            <label htmlFor="key-name">Name</label>
            <input id="key-name" name="name" required maxLength={80} placeholder="e.g. Billing sync" aria-invalid={errors.name ? true : undefined} />
            <FieldError id="key-name-error" message={fieldSentence('Name', errors.name)} />
          </div>
          <div className="sb-field">
            <label htmlFor="key-scope">Scope</label>
            <select id="key-scope" name="scope" defaultValue="read">
              <option value="read">Read only</option>
              <option value="write">Read and write</option>
            </select>
          </div>
          <div className="sb-field">
            <label htmlFor="key-expiry">Expires after</label>
            <select id="key-expiry" name="expiresInDays" defaultValue="90">
              <option value="30">30 days</option>
              <option value="90">90 days</option>
              <option value="365">1 year</option>
              <option value="">Never</option>
            </select>
          </div>
          <button type="submit" className="sb-button sb-button--primary" disabled={busy}>
            Create key
          </button>
        </Form>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
