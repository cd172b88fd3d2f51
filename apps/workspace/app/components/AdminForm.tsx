import type { ReactNode } from 'react';

/** The checkboxes that pick agents for a record (a team's members, a company's assigned agents). */
export function AgentChoices({ legend, name, agents, chosen }: { legend: string; name: string; agents: { id: number; name: string }[]; chosen?: { id: number }[] }) {
  return (
    <fieldset className="sb-field sb-field--choices">
      <legend>{legend}</legend>
      {agents.map((a) => (
        <label key={a.id}>
          <input type="checkbox" name={name} value={a.id} defaultChecked={chosen?.some((m) => m.id === a.id) ?? false} /> {a.name}
        </label>
      ))}
    </fieldset>
  );
}

/** The end of an admin record form: the API's refusal (if any), then the form's buttons. */
export function AdminFormFooter({ error, children }: { error?: string; children: ReactNode }) {
  return (
    <>
      {error ? (
        <p className="sb-field-error" data-testid="field-error">
          {error}
        </p>
      ) : null}
      <div className="sb-form__actions">{children}</div>
    </>
  );
}
