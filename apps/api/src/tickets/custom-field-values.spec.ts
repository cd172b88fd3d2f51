import type { CustomField } from '@switchboard/contracts';
import { fromFieldRows, validateFieldValues } from './custom-field-values.js';

const field = (id: number, key: string, kind: CustomField['kind'], extra: Partial<CustomField> = {}): CustomField => ({
  id,
  key,
  label: key,
  kind,
  required: false,
  options: [],
  customerVisible: true,
  position: id,
  ...extra,
});

const FIELDS = [
  field(1, 'page_url', 'text', { required: true }),
  field(2, 'steps', 'long_text'),
  field(3, 'order_total', 'number'),
  field(4, 'seen_on', 'date'),
  field(5, 'browser', 'single_select', { options: ['Chrome', 'Firefox'] }),
  field(6, 'areas', 'multi_select', { options: ['login', 'checkout', 'search'] }),
  field(7, 'urgent_fix', 'checkbox'),
  field(8, 'internal_ref', 'text', { customerVisible: false }),
];

describe('custom field values', () => {
  it('accepts one valid value of every kind and reads it back', () => {
    const values = {
      page_url: 'https://shop.test/cart',
      steps: 'open cart\nclick pay',
      order_total: '42.5',
      seen_on: '2026-11-20',
      browser: 'Firefox',
      areas: ['checkout', 'login', 'checkout'],
      urgent_fix: true,
    };
    const rows = validateFieldValues(FIELDS, values, { requireAll: true, customer: true });
    expect(rows.get(6)).toHaveLength(2);
    expect(fromFieldRows(FIELDS, [...rows.values()].flat())).toEqual({ ...values, order_total: 42.5, areas: ['checkout', 'login'] });
  });

  it.each([
    [{ browser: 'Safari' }, 'customFields.browser: must be one of: Chrome, Firefox'],
    [{ order_total: 'lots' }, 'customFields.order_total: must be a number'],
    [{ seen_on: '20/11/2026' }, 'customFields.seen_on: must be a date (YYYY-MM-DD)'],
    [{ areas: ['billing'] }, 'customFields.areas: "billing" is not one of: login, checkout, search'],
    [{ urgent_fix: 'maybe' }, 'customFields.urgent_fix: must be true or false'],
    [{ nope: 'x' }, 'customFields.nope: is not a field of this issue type'],
  ])('names the field in the error for %j', (values, message) => {
    expect(() => validateFieldValues(FIELDS, { page_url: 'x', ...values }, { requireAll: true, customer: false })).toThrow(message);
  });

  it('requires required fields on creation but not on a partial update that does not name them', () => {
    expect(() => validateFieldValues(FIELDS, {}, { requireAll: true, customer: true })).toThrow('customFields.page_url: is required');
    expect(validateFieldValues(FIELDS, { steps: 'x' }, { requireAll: false, customer: false }).size).toBe(1);
    expect(() => validateFieldValues(FIELDS, { page_url: '' }, { requireAll: false, customer: false })).toThrow('is required');
  });

  it('keeps staff-only fields away from customers', () => {
    expect(() => validateFieldValues(FIELDS, { page_url: 'x', internal_ref: 'A-1' }, { requireAll: true, customer: true })).toThrow(
      'customFields.internal_ref: is not a field of this issue type',
    );
    expect(validateFieldValues(FIELDS, { page_url: 'x', internal_ref: 'A-1' }, { requireAll: true, customer: false }).get(8)).toHaveLength(1);
  });
});
