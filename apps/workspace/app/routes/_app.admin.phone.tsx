import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import type { UpdateTwilioSettingsInput } from '@switchboard/contracts';
import { requireAdmin } from '~/admin.server';
import { apiErrorKind, apiFailure, apiFieldErrors } from '~/api.server';
import { AdminTabs } from '~/components/AdminTabs';
import { FieldError } from '~/components/FieldError';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { fieldSentence } from '~/fields';
import { flash } from '~/session.server';

export const meta: MetaFunction = () => [{ title: 'Phone settings · Switchboard workspace' }];

const TEXT_FIELDS = [
  { name: 'accountSid', label: 'Account SID', hint: 'AC followed by 32 hex digits.' },
  { name: 'smsFrom', label: 'SMS number', hint: 'Sends replies and places call backs when a ticket has no number of ours yet, e.g. +15005550006.' },
  { name: 'whatsappFrom', label: 'WhatsApp sender', hint: 'e.g. whatsapp:+14155238886.' },
  { name: 'voiceGreeting', label: 'Greeting', hint: 'Said first on every call (a company’s own greeting, set under Companies, wins for its callers).' },
  { name: 'agentPhones', label: 'Agent phones', hint: '“0, talk to an agent” rings the phones of online agents (their profiles); these, comma-separated, when none is online.' },
  { name: 'businessHours', label: 'Business hours', hint: 'e.g. Mon-Fri 09:00-17:00; Sat 10:00-14:00. Outside them callers get voicemail.' },
  { name: 'timeZone', label: 'Time zone', hint: 'e.g. Europe/Berlin.' },
  {
    name: 'whatsappTemplates',
    label: 'WhatsApp templates',
    hint: 'Approved templates agents may send after the 24-hour window, separated by “;”: name=HX…(variable, variable).',
  },
] as const;
type TextField = (typeof TEXT_FIELDS)[number]['name'];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, session } = await requireAdmin(request);
  try {
    return { settings: await api.phone.settings.query() };
  } catch (error) {
    return apiFailure(error, request, session);
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { api, session } = await requireAdmin(request);
  const form = await request.formData();
  const input: UpdateTwilioSettingsInput = {};
  for (const { name } of TEXT_FIELDS) input[name] = String(form.get(name) ?? '').trim();
  const token = String(form.get('authToken') ?? '').trim();
  if (token) input.authToken = token;
  if (form.get('clearAuthToken') === 'on') input.clearAuthToken = true;
  try {
    await api.phone.updateSettings.mutate(input);
  } catch (error) {
    if (apiErrorKind(error) === 'bad_request') {
      const fieldErrors = apiFieldErrors(error);
      const values = Object.fromEntries(TEXT_FIELDS.map(({ name }) => [name, input[name] ?? '']));
      return data({ values, fieldErrors }, { status: 400 });
    }
    return apiFailure(error, request, session);
  }
  return redirect('/admin/phone', { headers: await flash(session, { kind: 'success', message: 'Phone settings saved.' }) });
}

export default function PhoneSettings() {
  const { settings } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const value = (name: TextField) => result?.values[name] ?? (settings[name] as string | null) ?? '';
  return (
    <>
      <AdminTabs />
      <div className="sb-page sb-page--narrow">
        <h1 className="sb-page__title">Phone, SMS and WhatsApp</h1>
        <p data-testid="twilio-status" className={`sb-alert sb-alert--${settings.enabled ? 'success' : 'info'}`}>
          {settings.enabled
            ? 'Twilio is on: messages and calls to your numbers become tickets.'
            : 'Twilio is off: set the account SID and auth token. Until then replies stay in the local outbox.'}
        </p>
        <p className="sb-muted">
          In the Twilio console, send incoming messages to <code>{settings.webhookBaseUrl}/webhooks/twilio/messaging</code>, incoming calls to{' '}
          <code>{settings.webhookBaseUrl}/webhooks/twilio/voice</code> and call status changes to{' '}
          <code>{settings.webhookBaseUrl}/webhooks/twilio/voice/status</code>. An empty field uses the server’s environment setting.
        </p>
        <Form method="post" className="sb-settings-form" data-testid="phone-settings" key={settings.updatedAt ?? 'never'}>
          {TEXT_FIELDS.map(({ name, label, hint }) => {
            const error = fieldSentence(label, result?.fieldErrors[name]);
            return (
              <div className="sb-settings-form__field" key={name}>
                <label htmlFor={`twilio-${name}`}>{label}</label>
                <input
                  id={`twilio-${name}`}
                  name={name}
                  type="text"
                  defaultValue={name === 'whatsappTemplates' ? value(name).replace(/\s*\n\s*/g, '; ') : value(name)}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={`twilio-${name}-hint${error ? ` twilio-${name}-error` : ''}`}
                />
                <span className="sb-muted" id={`twilio-${name}-hint`}>
                  {hint}
                </span>
                <FieldError id={`twilio-${name}-error`} message={error} />
              </div>
            );
          })}
          <div className="sb-settings-form__field">
            <label htmlFor="twilio-authToken">Auth token</label>
            <input
              id="twilio-authToken"
              name="authToken"
              type="password"
              autoComplete="off"
              placeholder={settings.authTokenSet ? 'Set: leave empty to keep it' : 'Not set'}
              aria-describedby="twilio-authToken-hint"
            />
            <span className="sb-muted" id="twilio-authToken-hint">
              Stored encrypted; never shown again. It also verifies that webhooks come from Twilio.
            </span>
            <FieldError id="twilio-authToken-error" message={fieldSentence('Auth token', result?.fieldErrors.authToken)} />
            {settings.authTokenSet ? (
              <label className="sb-settings-form__check">
                <input type="checkbox" name="clearAuthToken" /> Remove the stored token (switches Twilio off unless the environment sets one)
              </label>
            ) : null}
          </div>
          <button type="submit" className="sb-button sb-button--primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save'}
          </button>
        </Form>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
