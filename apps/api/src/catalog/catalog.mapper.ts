import type { CustomField, IssueType, Named } from '@switchboard/contracts';
import type { CustomFieldModel } from './custom-field.model.js';
import type { IssueTypeModel } from './issue-type.model.js';

export function toCustomField(f: CustomFieldModel): CustomField {
  return {
    id: f.id,
    key: f.key,
    label: f.label,
    kind: f.kind,
    required: f.required,
    options: f.options ?? [],
    customerVisible: f.customerVisible,
    position: f.position,
  };
}

/** A type with its live fields; `forCustomer` leaves out staff-only fields. */
export function toIssueType(t: IssueTypeModel, forCustomer: boolean): IssueType {
  const fields = (t.fields ?? [])
    .filter((f) => !f.retired && (!forCustomer || f.customerVisible))
    .sort((a, b) => a.position - b.position || a.id - b.id)
    .map(toCustomField);
  return { id: t.id, name: t.name, description: t.description, active: t.active, transitions: t.transitions ?? null, fields };
}

/** Models declare their id optional (it is unset before insert); a loaded row always has one. */
export const toNamed = (r: { id?: number; name: string }): Named => ({ id: r.id!, name: r.name });
