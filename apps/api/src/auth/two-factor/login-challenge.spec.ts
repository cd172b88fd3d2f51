import { signChallenge, verifyChallenge } from './login-challenge.js';
import { SecretBox } from './secret-box.js';

describe('login challenge', () => {
  const secret = 'a-server-secret-of-some-length';
  it('names the user it was signed for, until it expires', () => {
    const now = Date.UTC(2026, 0, 1);
    const challenge = signChallenge(secret, 42, now);
    expect(verifyChallenge(secret, challenge, now + 60_000)).toBe(42);
    expect(verifyChallenge(secret, challenge, now + 6 * 60_000)).toBeNull();
  });
  it('refuses another key, a changed user id and garbage', () => {
    const challenge = signChallenge(secret, 42);
    expect(verifyChallenge('another-server-secret-here', challenge)).toBeNull();
    expect(verifyChallenge(secret, challenge.replace(/^42\./, '43.'))).toBeNull();
    expect(verifyChallenge(secret, 'not.a.challenge')).toBeNull();
    expect(verifyChallenge(secret, '')).toBeNull();
  });
});

describe('SecretBox', () => {
  it('round-trips, and refuses another key or a flipped byte', () => {
    const box = new SecretBox('server-secret-one', 'totp');
    const sealed = box.seal('JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(new SecretBox('server-secret-two', 'totp').open(sealed)).toBeNull();
    const parts = sealed.split('.');
    parts[3] = Buffer.from(Buffer.from(parts[3], 'base64url').map((b, i) => (i === 0 ? b ^ 1 : b))).toString('base64url');
    expect(box.open(parts.join('.'))).toBeNull();
  });
});
