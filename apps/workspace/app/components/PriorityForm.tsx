import { Form, useNavigation } from '@remix-run/react';
import { LEVELS, type Level } from '@switchboard/contracts';
import { levelLabel } from '@switchboard/ui';

export interface PriorityFormProps {
  urgency: Level;
  importance: Level;
  version: number;
  error?: string;
}

/** Urgency (how soon) and importance (how much impact), changed together under the ticket's version. */
export function PriorityForm({ urgency, importance, version, error }: PriorityFormProps) {
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'priority';
  const levels = [...LEVELS].reverse();
  return (
    <Form method="post" className="sb-sideform" data-testid="priority-form" key={`${urgency}-${importance}-${version}`}>
      <input type="hidden" name="intent" value="priority" />
      <input type="hidden" name="version" value={version} />
      <div className="sb-sideform__pair">
        <label className="sb-sideform__label" htmlFor="ticket-urgency">
          Urgency
        </label>
        <select id="ticket-urgency" name="urgency" defaultValue={urgency}>
          {levels.map((l) => (
            <option key={l} value={l}>
              {levelLabel(l)}
            </option>
          ))}
        </select>
        <label className="sb-sideform__label" htmlFor="ticket-importance">
          Importance
        </label>
        <select id="ticket-importance" name="importance" defaultValue={importance}>
          {levels.map((l) => (
            <option key={l} value={l}>
              {levelLabel(l)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="sb-button sb-button--small" disabled={busy}>
        {busy ? 'Saving…' : 'Update priority'}
      </button>
      {error ? (
        <p className="sb-alert sb-alert--error sb-alert--small" data-testid="error" role="alert">
          {error}
        </p>
      ) : null}
    </Form>
  );
}
