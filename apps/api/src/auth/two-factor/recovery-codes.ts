import { createHash, randomInt } from 'node:crypto';

/** Lower-case letters and digits without look-alikes (0/o, 1/l/i): easy to read off paper. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const RECOVERY_CODE_COUNT = 10;
/** `xxxxx-xxxxx`: 10 characters of a 31-symbol alphabet, about 49 bits each. */
export const RECOVERY_CODE_PATTERN = /^[a-z0-9]{5}-[a-z0-9]{5}$/;

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const code = () => Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return Array.from({ length: count }, () => {
    const c = code();
    return `${c.slice(0, 5)}-${c.slice(5)}`;
  });
}

/** What is stored: SHA-256 of the normalised code (lower case, one dash), never the code. */
export function hashRecoveryCode(code: string): string {
  const normal = code.trim().toLowerCase().replace(/[\s-]+/g, '');
  return createHash('sha256').update(`${normal.slice(0, 5)}-${normal.slice(5)}`).digest('hex');
}

export function looksLikeRecoveryCode(code: string): boolean {
  return RECOVERY_CODE_PATTERN.test(code.trim().toLowerCase());
}
