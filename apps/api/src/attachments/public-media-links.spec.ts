import { signMediaToken, verifyMediaToken } from './public-media-links.js';

const SECRET = 'test-secret';
const now = Date.UTC(2026, 11, 2, 12, 0, 0);

describe('public media tokens', () => {
  it('name the file they were signed for until they expire', () => {
    const token = signMediaToken(SECRET, 42, now, 60_000);
    expect(verifyMediaToken(SECRET, token, now)).toBe(42);
    expect(verifyMediaToken(SECRET, token, now + 59_000)).toBe(42);
    expect(verifyMediaToken(SECRET, token, now + 61_000)).toBeNull();
  });

  it('refuse another id, another expiry, another secret and garbage', () => {
    const token = signMediaToken(SECRET, 42, now, 60_000);
    const [, exp, mac] = token.split('.');
    expect(verifyMediaToken(SECRET, `43.${exp}.${mac}`, now)).toBeNull();
    expect(verifyMediaToken(SECRET, `42.${Number(exp) + 3600}.${mac}`, now)).toBeNull();
    expect(verifyMediaToken('other-secret', token, now)).toBeNull();
    for (const bad of ['', '42', '42.1.', 'a.b.c', `${token}.x`]) expect(verifyMediaToken(SECRET, bad, now)).toBeNull();
  });
});
