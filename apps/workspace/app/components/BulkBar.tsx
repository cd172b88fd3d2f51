import { Form, useNavigation } from '@remix-run/react';
import { LEVELS, TICKET_STATUSES, type Catalog } from '@switchboard/contracts';
import { levelLabel, statusLabel } from '@switchboard/ui';

export const BULK_FORM_ID = 'bulk-form';

const levels = [...LEVELS].reverse();

/**
 * One change for the checked tickets. The row checkboxes sit in the table and join this form through
 * their `form` attribute; a select left at "—" changes nothing.
 */
export function BulkBar({ catalog }: { catalog: Catalog }) {
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'bulk';
  return (
    <Form method="post" id={BULK_FORM_ID} className="sb-bulkbar" data-testid="bulk-bar" aria-label="Change the selected tickets">
      <input type="hidden" name="intent" value="bulk" />
      <span className="sb-bulkbar__lede">Selected tickets:</span>
      <BulkSelect name="status" label="Status" options={TICKET_STATUSES.map((s) => [s, statusLabel(s, 'agent')])} />
      <BulkSelect
        name="assigneeId"
        label="Assignee"
        options={[['none', 'Unassign'], ...catalog.agents.map((a) => [String(a.id), a.name] as [string, string])]}
      />
      <BulkSelect name="teamId" label="Team" options={[['none', 'No team'], ...catalog.teams.map((t) => [String(t.id), t.name] as [string, string])]} />
      <BulkSelect name="urgency" label="Urgency" options={levels.map((l) => [l, levelLabel(l)])} />
      <BulkSelect name="importance" label="Importance" options={levels.map((l) => [l, levelLabel(l)])} />
      <label className="sb-bulkbar__field">
        <span>Add tag</span>
        <input name="addTag" size={10} list="bulk-tags" />
      </label>
      <label className="sb-bulkbar__field">
        <span>Remove tag</span>
        <input name="removeTag" size={10} list="bulk-tags" />
      </label>
      <datalist id="bulk-tags">
        {catalog.tags.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <button type="submit" className="sb-button sb-button--small sb-button--primary" disabled={busy} data-testid="bulk-apply">
        {busy ? 'Applying…' : 'Apply'}
      </button>
    </Form>
  );
}

function BulkSelect({ name, label, options }: { name: string; label: string; options: [string, string][] }) {
  return (
    <label className="sb-bulkbar__field">
      <span>{label}</span>
      <select name={name} defaultValue="">
        <option value="">—</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
