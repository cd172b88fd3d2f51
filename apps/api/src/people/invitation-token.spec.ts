import { signInvitationToken, verifyInvitationToken } from './invitation-token.js';

const SECRET = 'a-test-secret-of-some-length';

describe('invitation tokens', () => {
  it('round-trips the invitation id until it expires', () => {
    const token = signInvitationToken(SECRET, 42, new Date(Date.now() + 60_000));
    expect(verifyInvitationToken(SECRET, token)).toEqual({ ok: true, claims: { id: 42, exp: expect.any(Number) } });
    expect(verifyInvitationToken(SECRET, token, Date.now() + 120_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses another secret, a changed id and garbage', () => {
    const token = signInvitationToken(SECRET, 42, new Date(Date.now() + 60_000));
    expect(verifyInvitationToken('another-secret-entirely', token)).toEqual({ ok: false, reason: 'forged' });
    const [, sig] = token.split('.');
    const tampered = `${Buffer.from(JSON.stringify({ id: 43, exp: 9e9 })).toString('base64url')}.${sig}`;
    expect(verifyInvitationToken(SECRET, tampered)).toEqual({ ok: false, reason: 'forged' });
    expect(verifyInvitationToken(SECRET, 'nonsense')).toEqual({ ok: false, reason: 'malformed' });
  });
});
