import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes, RECOVERY_CODE_COUNT } from './recovery-codes.js';

describe('recovery codes', () => {
  it('makes ten distinct readable codes', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const c of codes) expect(looksLikeRecoveryCode(c)).toBe(true);
    expect(codes.join('')).not.toMatch(/[01ilo]/);
  });

  it('hashes the normalised code: case and spacing do not matter, the code itself is not stored', () => {
    const [code] = newRecoveryCodes(1);
    expect(hashRecoveryCode(code.toUpperCase())).toBe(hashRecoveryCode(code));
    expect(hashRecoveryCode(` ${code.replace('-', ' ')} `)).toBe(hashRecoveryCode(code));
    expect(hashRecoveryCode(code)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode(code)).not.toContain(code.replace('-', ''));
  });

  it('tells a recovery code from an authenticator code', () => {
    expect(looksLikeRecoveryCode('123456')).toBe(false);
    expect(looksLikeRecoveryCode('abcde-fghjk')).toBe(true);
  });
});
