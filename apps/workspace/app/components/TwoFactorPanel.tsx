import { Form } from '@remix-run/react';
import type { TwoFactorSetup, TwoFactorStatus } from '@switchboard/contracts';
import { FieldError } from '~/components/FieldError';
import { fieldSentence } from '~/fields';

function CodeForm({ intent, label, error }: { intent: string; label: string; error?: string }) {
  return (
    <Form method="post" className="sb-form sb-form--inline" noValidate data-testid={`${intent}-form`}>
      <input type="hidden" name="intent" value={intent} />
      <div className="sb-field">
        <label htmlFor={`${intent}-code`}>Code from the app</label>
        <input id={`${intent}-code`} name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={7} required aria-invalid={error ? true : undefined} />
        <FieldError id={`${intent}-code-error`} message={fieldSentence('The code', error)} />
      </div>
      <button type="submit" className="sb-button sb-button--primary">
        {label}
      </button>
    </Form>
  );
}

/** Two-factor sign-in: off -> set up (seed shown once) -> confirmed with a first code -> on. */
export function TwoFactorPanel({
  status,
  setup,
  recoveryCodes,
  codeError,
}: {
  status: TwoFactorStatus;
  setup?: TwoFactorSetup;
  recoveryCodes?: string[];
  codeError?: string;
}) {
  if (status.enabled && !setup) {
    return (
      <div data-testid="two-factor" data-enabled="true">
        <p>Two-factor sign-in is on: after your password, Switchboard asks for a code from your authenticator app.</p>
        {recoveryCodes ? (
          <div className="sb-alert" data-testid="recovery-codes">
            <p>
              <strong>Your recovery codes.</strong> Each one signs you in once instead of an app code, if you lose your phone. Save them now
              somewhere safe: they are not shown again.
            </p>
            <ul className="sb-recovery-codes">
              {recoveryCodes.map((c) => (
                <li key={c}>
                  <code>{c}</code>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p data-testid="recovery-codes-left">
            {status.recoveryCodesLeft} recovery {status.recoveryCodesLeft === 1 ? 'code' : 'codes'} left.
          </p>
        )}
        <CodeForm intent="regenerate-recovery-codes" label="New recovery codes" error={codeError} />
        <CodeForm intent="disable-two-factor" label="Turn off" error={codeError} />
      </div>
    );
  }
  if (setup || status.pending) {
    return (
      <div data-testid="two-factor" data-enabled="false">
        {setup ? (
          <>
            <p>Add this account to your authenticator app (Google Authenticator, 1Password, Aegis, …) with this key, or open the link on your phone:</p>
            <code className="sb-secret" data-testid="two-factor-secret">
              {setup.secret}
            </code>
            <p>
              <a href={setup.uri}>Open in an authenticator app</a>
            </p>
          </>
        ) : (
          <p>Setup was started. Enter a code from the app to finish, or start again for a new key.</p>
        )}
        <CodeForm intent="enable-two-factor" label="Confirm and turn on" error={codeError} />
      </div>
    );
  }
  return (
    <div data-testid="two-factor" data-enabled="false">
      <p>Protect your account with a code from an authenticator app in addition to your password.</p>
      <Form method="post">
        <input type="hidden" name="intent" value="setup-two-factor" />
        <button type="submit" className="sb-button" data-testid="setup-two-factor">
          Set up two-factor sign-in
        </button>
      </Form>
    </div>
  );
}
