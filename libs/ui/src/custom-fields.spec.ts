import { describe, expect, it } from '@jest/globals';
import type { CustomField } from '@switchboard/contracts';
import { customFieldErrors, customFieldName, customFieldsFromForm, formatCustomFieldValue, rawCustomFields } from './custom-fields.js';

function field(key: string, kind: CustomField['kind'], extra: Partial<CustomField> = {}): CustomField {
  return { id: 1, key, label: key, kind, required: false, options: [], customerVisible: true, position: 0, ...extra };
}

const fields = [
  field('url', 'text'),
  field('steps', 'long_text'),
  field('count', 'number'),
  field('seen_on', 'date'),
  field('browser', 'single_select', { options: ['Firefox', 'Chrome'] }),
  field('areas', 'multi_select', { options: ['Login', 'Billing', 'Search'] }),
  field('urgent', 'checkbox'),
];

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [k, v] of entries) data.append(customFieldName(k), v);
  return data;
}

describe('customFieldsFromForm', () => {
  it('types each kind and keeps the raw strings', () => {
    const parsed = customFieldsFromForm(
      fields,
      form([
        ['url', ' https://acme.test/cart '],
        ['count', '3'],
        ['seen_on', '2025-10-06'],
        ['browser', 'Chrome'],
        ['areas', 'Login'],
        ['areas', 'Search'],
        ['urgent', 'true'],
      ]),
    );
    expect(parsed.fieldErrors).toEqual({});
    expect(parsed.values).toEqual({
      url: 'https://acme.test/cart',
      count: 3,
      seen_on: '2025-10-06',
      browser: 'Chrome',
      areas: ['Login', 'Search'],
      urgent: true,
    });
    expect(parsed.raw.areas).toEqual(['Login', 'Search']);
    expect(parsed.raw.steps).toBe('');
  });

  it('leaves blank fields out when creating and clears them with null when editing', () => {
    expect(customFieldsFromForm(fields, form([])).values).toEqual({ urgent: false });
    const edited = customFieldsFromForm(fields, form([]), 'null').values;
    expect(edited.url).toBeNull();
    expect(edited.areas).toBeNull();
    expect(edited.urgent).toBe(false);
  });

  it('reports numbers and dates it cannot read under the API key', () => {
    const parsed = customFieldsFromForm(fields, form([['count', 'three'], ['seen_on', '6 Oct']]));
    expect(parsed.fieldErrors).toEqual({ 'customFields.count': 'must be a number', 'customFields.seen_on': 'must be a date (YYYY-MM-DD)' });
    expect(parsed.raw.count).toBe('three');
  });
});

describe('helpers', () => {
  it('turns stored values back into form strings', () => {
    expect(rawCustomFields({ a: 3, b: ['x'], c: true, d: false, e: null })).toEqual({ a: '3', b: ['x'], c: 'true', d: '', e: '' });
  });
  it('formats values for reading', () => {
    expect(formatCustomFieldValue({ kind: 'checkbox' }, true)).toBe('Yes');
    expect(formatCustomFieldValue({ kind: 'multi_select' }, ['a', 'b'])).toBe('a, b');
    expect(formatCustomFieldValue({ kind: 'text' }, null)).toBe('—');
  });
  it('picks the custom field errors out of the API field errors', () => {
    expect(customFieldErrors({ subject: 'is required', 'customFields.url': 'is required' })).toEqual({ url: 'is required' });
  });
});
