import type { InputHTMLAttributes, ReactNode } from 'react';
import { FieldError } from '~/components/FieldError';
import { fieldSentence } from '~/fields';

/** The signed-out pages' frame (sign in, forgot password, reset password): the brand and a card. */
export function AuthShell({ lede, children }: { lede?: ReactNode; children: ReactNode }) {
  return (
    <main className="sb-standalone">
      <section className="sb-login">
        <h1 className="sb-login__brand">
          <span className="sb-logo" aria-hidden="true" />
          Switchboard
        </h1>
        {lede ? <p className="sb-login__lede">{lede}</p> : null}
        {children}
      </section>
    </main>
  );
}

/** A labelled input with its error wired up for screen readers; `label` also starts the error sentence. */
export function LoginField({
  name,
  label,
  error,
  errorLabel = label,
  ...input
}: { name: string; label: string; error?: string; errorLabel?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="sb-field">
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        name={name}
        required
        {...input}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
      />
      <FieldError id={`${name}-error`} message={fieldSentence(errorLabel, error)} />
    </div>
  );
}
