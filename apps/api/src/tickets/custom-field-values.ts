import type { CustomField, CustomFieldValue } from '@switchboard/contracts';
import { DomainError } from '../common/domain-error.js';

/** One row of ticket_field_values: a multi select gives one row per chosen option. */
export interface FieldValueRow {
  fieldId: number;
  valueString: string | null;
  valueText: string | null;
  valueNumber: number | null;
  valueDate: string | null;
  valueBool: boolean | null;
}

type FieldDef = Pick<CustomField, 'id' | 'key' | 'label' | 'kind' | 'required' | 'options' | 'customerVisible'>;

const invalid = (key: string, message: string) =>
  new DomainError('bad_request', 'TICKET_INVALID_CUSTOM_FIELD', `customFields.${key}: ${message}`, `customFields.${key}`);

const empty = (v: CustomFieldValue | undefined) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** Checks one value against its field and turns it into rows; an empty value gives no rows. */
export function toFieldRows(field: FieldDef, value: CustomFieldValue | undefined): FieldValueRow[] {
  if (empty(value)) return [];
  const base = { fieldId: field.id, valueString: null, valueText: null, valueNumber: null, valueDate: null, valueBool: null };
  switch (field.kind) {
    case 'text':
      if (typeof value !== 'string') throw invalid(field.key, 'must be text');
      if (value.length > 255) throw invalid(field.key, 'must be at most 255 characters');
      return [{ ...base, valueString: value.trim() }];
    case 'long_text':
      if (typeof value !== 'string') throw invalid(field.key, 'must be text');
      return [{ ...base, valueText: value }];
    case 'number': {
      const n = typeof value === 'string' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isFinite(n)) throw invalid(field.key, 'must be a number');
      return [{ ...base, valueNumber: n }];
    }
    case 'date':
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
        throw invalid(field.key, 'must be a date (YYYY-MM-DD)');
      }
      return [{ ...base, valueDate: value }];
    case 'checkbox': {
      const b = value === 'true' || value === 'on' ? true : value === 'false' ? false : value;
      if (typeof b !== 'boolean') throw invalid(field.key, 'must be true or false');
      return [{ ...base, valueBool: b }];
    }
    case 'single_select':
      if (typeof value !== 'string' || !field.options.includes(value)) {
        throw invalid(field.key, `must be one of: ${field.options.join(', ')}`);
      }
      return [{ ...base, valueString: value }];
    case 'multi_select': {
      const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : null;
      if (!list) throw invalid(field.key, 'must be a list of options');
      const unknown = list.find((o) => !field.options.includes(o));
      if (unknown !== undefined) throw invalid(field.key, `"${unknown}" is not one of: ${field.options.join(', ')}`);
      return [...new Set(list)].map((o) => ({ ...base, valueString: o }));
    }
  }
}

/**
 * Validates the values given for a ticket of a type with these fields.
 * `requireAll`: missing required fields are errors (on creation). `customer`: staff-only fields
 * may not be set. Returns the rows per field id for the fields that were named.
 */
export function validateFieldValues(
  fields: FieldDef[],
  values: Record<string, CustomFieldValue>,
  options: { requireAll: boolean; customer: boolean },
): Map<number, FieldValueRow[]> {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  for (const key of Object.keys(values)) {
    const field = byKey.get(key);
    if (!field || (options.customer && !field.customerVisible)) throw invalid(key, 'is not a field of this issue type');
  }
  const rows = new Map<number, FieldValueRow[]>();
  for (const field of fields) {
    if (options.customer && !field.customerVisible) continue;
    const named = Object.prototype.hasOwnProperty.call(values, field.key);
    if (field.required && (options.requireAll || named) && empty(values[field.key])) throw invalid(field.key, 'is required');
    if (named) rows.set(field.id, toFieldRows(field, values[field.key]));
  }
  return rows;
}

/** Rows back to values by key (multi selects as lists), for the fields given. */
export function fromFieldRows(fields: FieldDef[], rows: FieldValueRow[]): Record<string, CustomFieldValue> {
  const out: Record<string, CustomFieldValue> = {};
  for (const field of fields) {
    const mine = rows.filter((r) => r.fieldId === field.id);
    if (mine.length === 0) continue;
    const r = mine[0];
    switch (field.kind) {
      case 'multi_select':
        out[field.key] = mine.map((m) => m.valueString!).filter((v) => v !== null);
        break;
      case 'number':
        out[field.key] = r.valueNumber === null ? null : Number(r.valueNumber);
        break;
      case 'checkbox':
        out[field.key] = r.valueBool === null ? null : Boolean(r.valueBool);
        break;
      case 'date':
        out[field.key] = r.valueDate;
        break;
      case 'long_text':
        out[field.key] = r.valueText;
        break;
      default:
        out[field.key] = r.valueString;
    }
  }
  return out;
}
