import { compareEventIds } from './event-id.js';

it('orders stream ids by time, then sequence, numerically', () => {
  expect(compareEventIds('9-0', '10-0')).toBe(-1);
  expect(compareEventIds('10-2', '10-10')).toBe(-1);
  expect(compareEventIds('10-10', '10-2')).toBe(1);
  expect(compareEventIds('1700000000000-1', '1700000000000-1')).toBe(0);
});
