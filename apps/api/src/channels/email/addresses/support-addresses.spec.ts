import { describe, expect, it } from '@jest/globals';
import { baseAddress } from './support-addresses.js';

describe('baseAddress', () => {
  it.each([
    ['Help@Brandy.test', 'help@brandy.test'],
    ['help+42-0123456789abcdef@brandy.test', 'help@brandy.test'],
    ['  support+a+b@acme.test ', 'support@acme.test'],
    ['no-at-sign', 'no-at-sign'],
  ])('%s -> %s', (input, expected) => {
    expect(baseAddress(input)).toBe(expected);
  });
});
