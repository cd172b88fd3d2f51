import { passwordProblem } from './password-policy.js';

describe('passwordProblem', () => {
  it.each([
    ['short1!', /at least 10/],
    ['password123', /most common/],
    ['Password2024!', /most common/],
    ['!!qwertyuiop!!', /most common/],
    ['1234567890', /most common/],
    ['aaaaaaaaaaaa', /too easy/],
    ['abcabcabcabc', /too easy/],
    ['poiuytrewq', /too easy/],
    ['ritarichter1', /name or email/],
    ['x'.repeat(201), /at most 200/],
  ])('refuses %s', (password, reason) => {
    expect(passwordProblem(password, { email: 'rita.r@example.test', name: 'Rita Richter' })).toMatch(reason);
  });

  it.each(['correct horse battery', 'Tr0ub4dor&3-zebra', 'violet-kettle-42-moon'])('accepts %s', (password) => {
    expect(passwordProblem(password, { email: 'rita.r@example.test', name: 'Rita Richter' })).toBeNull();
  });
});
