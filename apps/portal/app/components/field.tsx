import type { ReactNode } from 'react';
import { fieldMessage } from '../labels';

/**
 * A labelled input with its hint and error wired up for screen readers.
 * `children` receives the ARIA props so any control (input, select, textarea) can be used.
 */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: (aria: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}) {
  const message = fieldMessage(label, error);
  const describedBy = [hint ? `${id}-hint` : null, message ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={message ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children({ id, 'aria-invalid': message ? true : undefined, 'aria-describedby': describedBy })}
      {message ? (
        <p className="field__error" id={`${id}-error`} data-testid={`error-${id}`}>
          {message}
        </p>
      ) : null}
    </div>
  );
}
