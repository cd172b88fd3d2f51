import { signRatingToken, verifyRatingToken } from './rating-token.js';

const SECRET = 'test-secret-of-some-length';
const DAY = 86_400_000;

describe('rating tokens', () => {
  it('names the ticket and a random id, and verifies with the same secret', () => {
    const token = signRatingToken(SECRET, 1042, 14 * DAY);
    const check = verifyRatingToken(SECRET, token);
    expect(check).toEqual({ ok: true, claims: { id: expect.stringMatching(/^[0-9a-f]{32}$/), ticketId: 1042, exp: expect.any(Number) } });
    const other = verifyRatingToken(SECRET, signRatingToken(SECRET, 1042, 14 * DAY));
    expect(other.ok && check.ok && other.claims.id !== check.claims.id).toBe(true);
  });

  it('expires after its lifetime', () => {
    const now = Date.now();
    const token = signRatingToken(SECRET, 1, DAY, now);
    expect(verifyRatingToken(SECRET, token, now + DAY - 1000).ok).toBe(true);
    expect(verifyRatingToken(SECRET, token, now + DAY + 1000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('rejects another secret, a changed ticket id and garbage', () => {
    const token = signRatingToken(SECRET, 1001, DAY);
    expect(verifyRatingToken('another-secret-entirely', token)).toEqual({ ok: false, reason: 'forged' });

    const [body, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const tampered = `${Buffer.from(JSON.stringify({ ...claims, ticketId: 1002 })).toString('base64url')}.${signature}`;
    expect(verifyRatingToken(SECRET, tampered)).toEqual({ ok: false, reason: 'forged' });

    expect(verifyRatingToken(SECRET, 'nonsense')).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyRatingToken(SECRET, `${body}.${signature}.extra`)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyRatingToken(SECRET, `${body}.AAAA`)).toEqual({ ok: false, reason: 'forged' });
  });
});
