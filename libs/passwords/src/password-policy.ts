import { COMMON_PASSWORDS } from './common-passwords.js';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

const COMMON = new Set(COMMON_PASSWORDS);
const WALKS = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** True when the whole password is one keyboard row or alphabet/digit run (or its reverse), possibly repeated. */
function isWalk(lower: string) {
  const unique = new Set(lower);
  if (unique.size <= 2 || /^(.{1,4})\1+$/.test(lower)) return true;
  return WALKS.some((walk) => {
    const both = walk + walk + [...walk].reverse().join('') + [...walk].reverse().join('');
    return lower.length <= both.length && both.includes(lower);
  });
}

/**
 * Why a password is refused, or null when it is acceptable. NIST SP 800-63B style: a minimum length,
 * no composition rules, but no password from breach lists, no keyboard walks, and nothing built
 * from the account's own email or name.
 */
export function passwordProblem(password: string, account: { email?: string; name?: string } = {}): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  const lower = password.toLowerCase();
  const stem = lower.replace(/[\d\W_]+$/u, '').replace(/^[\d\W_]+/u, '');
  if (COMMON.has(lower) || (stem.length >= 4 && COMMON.has(stem))) {
    return 'is one of the most common passwords found in breaches; choose another';
  }
  if (isWalk(lower) || isWalk(stem.length >= 6 ? stem : lower)) return 'is too easy to guess (a keyboard or character run)';
  const local = account.email?.split('@')[0]?.toLowerCase() ?? '';
  const parts = [local, ...local.split(/[^a-z]+/), ...(account.name?.toLowerCase().split(/\s+/) ?? [])].filter((part) => part.length >= 3);
  let rest = lower.replace(/[^\p{L}]+/gu, '');
  for (const part of parts.sort((a, b) => b.length - a.length)) rest = rest.split(part.replace(/[^\p{L}]+/gu, '')).join('');
  if (parts.length && rest.length < 4) return 'must not be built from your name or email address';
  return null;
}
