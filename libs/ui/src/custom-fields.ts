import type { CustomField, CustomFieldValue } from '@switchboard/contracts';

/**
 * Custom fields in HTML forms, shared by the portal and the workspace: every field posts under
 * `cf.<key>` (a multi select once per checked option, a checkbox as "true"), and the action turns
 * the posted strings back into typed values for the API. The raw strings travel back to the form
 * on an error, so what the person typed is kept.
 */
export const CUSTOM_FIELD_PREFIX = 'cf.';

export function customFieldName(key: string): string {
  return `${CUSTOM_FIELD_PREFIX}${key}`;
}

export type RawCustomFields = Record<string, string | string[]>;

export interface ParsedCustomFields {
  values: Record<string, CustomFieldValue>;
  /** Keyed like the API's field errors: `customFields.<key>`. */
  fieldErrors: Record<string, string>;
  raw: RawCustomFields;
}

interface FormLike {
  get(name: string): FormDataEntryValue | null;
  getAll(name: string): FormDataEntryValue[];
}

/**
 * Reads the fields of one issue type from a form.
 * emptyAs 'omit' leaves blank fields out (creating: the API then reports missing required ones);
 * 'null' sends null (editing: clears the value).
 */
export function customFieldsFromForm(fields: readonly CustomField[], form: FormLike, emptyAs: 'omit' | 'null' = 'omit'): ParsedCustomFields {
  const values: Record<string, CustomFieldValue> = {};
  const fieldErrors: Record<string, string> = {};
  const raw: RawCustomFields = {};
  for (const field of fields) {
    const name = customFieldName(field.key);
    if (field.kind === 'multi_select') {
      const chosen = form.getAll(name).map(String).filter(Boolean);
      raw[field.key] = chosen;
      if (chosen.length) values[field.key] = chosen;
      else if (emptyAs === 'null') values[field.key] = null;
      continue;
    }
    if (field.kind === 'checkbox') {
      const checked = form.get(name) === 'true';
      raw[field.key] = checked ? 'true' : '';
      values[field.key] = checked;
      continue;
    }
    const text = String(form.get(name) ?? '').trim();
    raw[field.key] = text;
    if (!text) {
      if (emptyAs === 'null') values[field.key] = null;
      continue;
    }
    if (field.kind === 'number') {
      const n = Number(text);
      if (!Number.isFinite(n)) fieldErrors[`customFields.${field.key}`] = 'must be a number';
      else values[field.key] = n;
    } else if (field.kind === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(text)) {
      fieldErrors[`customFields.${field.key}`] = 'must be a date (YYYY-MM-DD)';
    } else {
      values[field.key] = text;
    }
  }
  return { values, fieldErrors, raw };
}

/** A stored value as the strings a form shows (the inverse of customFieldsFromForm). */
export function rawCustomFields(values: Record<string, CustomFieldValue> | undefined): RawCustomFields {
  const raw: RawCustomFields = {};
  for (const [key, value] of Object.entries(values ?? {})) {
    if (Array.isArray(value)) raw[key] = value;
    else if (value === null || value === undefined || value === false) raw[key] = '';
    else raw[key] = String(value);
  }
  return raw;
}

/** A value for reading: "Yes"/"No", a list joined by commas, "—" when empty. */
export function formatCustomFieldValue(field: Pick<CustomField, 'kind'>, value: CustomFieldValue | undefined): string {
  if (field.kind === 'checkbox') return value === true ? 'Yes' : 'No';
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  return String(value);
}

/** The API's `customFields.<key>` errors, keyed by field key. */
export function customFieldErrors(fieldErrors: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrors ?? {})) {
    const match = /^customFields\.([a-z][a-z0-9_]*)$/.exec(path);
    if (match) out[match[1]!] = message;
  }
  return out;
}
