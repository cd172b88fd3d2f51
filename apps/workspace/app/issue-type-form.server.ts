import { CUSTOM_FIELD_KINDS, type CustomFieldKind, type IssueType, type SaveIssueTypeInput } from '@switchboard/contracts';
import { transitionsOf, workflowFromForm, workflowValuesOf, type WorkflowValues } from '@switchboard/ui';

/** One field row of the issue type form, as strings (what the form posts and shows). */
export interface FieldRow {
  key: string;
  label: string;
  kind: CustomFieldKind;
  required: boolean;
  options: string;
  customerVisible: boolean;
}

export interface IssueTypeFormValues {
  id?: number;
  name: string;
  description: string;
  active: boolean;
  workflow: WorkflowValues;
  fields: FieldRow[];
}

export function emptyRow(): FieldRow {
  return { key: '', label: '', kind: 'text', required: false, options: '', customerVisible: true };
}

export function valuesOf(type: IssueType | null): IssueTypeFormValues {
  if (!type) return { name: '', description: '', active: true, workflow: workflowValuesOf(null), fields: [] };
  return {
    id: type.id,
    name: type.name,
    description: type.description,
    active: type.active,
    workflow: workflowValuesOf(type.transitions),
    fields: type.fields.map((f) => ({ ...f, options: f.options.join('\n') })),
  };
}

/** Rows are posted as fields.<i>.<name>; `rows` says how many there are. */
export function valuesFromForm(form: FormData): IssueTypeFormValues {
  const count = Math.min(50, Math.max(0, Number(form.get('rows')) || 0));
  const fields: FieldRow[] = [];
  for (let i = 0; i < count; i++) {
    const get = (name: string) => String(form.get(`fields.${i}.${name}`) ?? '');
    const kind = get('kind') as CustomFieldKind;
    fields.push({
      key: get('key').trim(),
      label: get('label').trim(),
      kind: CUSTOM_FIELD_KINDS.includes(kind) ? kind : 'text',
      required: get('required') === 'true',
      options: get('options'),
      customerVisible: get('customerVisible') === 'true',
    });
  }
  const id = Number(form.get('id'));
  return {
    id: Number.isInteger(id) && id > 0 ? id : undefined,
    name: String(form.get('name') ?? '').trim(),
    description: String(form.get('description') ?? '').trim(),
    active: form.get('active') === 'true',
    workflow: workflowFromForm(form),
    fields,
  };
}

export function saveInput(values: IssueTypeFormValues): SaveIssueTypeInput {
  return {
    id: values.id,
    name: values.name,
    description: values.description,
    active: values.active,
    transitions: transitionsOf(values.workflow),
    // A row left completely blank is ignored rather than reported.
    fields: values.fields
      .filter((f) => f.key || f.label)
      .map((f) => ({
        key: f.key,
        label: f.label,
        kind: f.kind,
        required: f.required,
        customerVisible: f.customerVisible,
        options:
          f.kind === 'single_select' || f.kind === 'multi_select'
            ? f.options
                .split('\n')
                .map((o) => o.trim())
                .filter(Boolean)
            : [],
      })),
  };
}
