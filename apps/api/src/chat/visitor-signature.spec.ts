import { signVisitor, verifyVisitorSignature } from './visitor-signature.js';

describe('visitor signature', () => {
  const secret = 'a-company-secret';
  it('accepts the HMAC of the user id and nothing else', () => {
    const signature = signVisitor(secret, 'user-42');
    expect(verifyVisitorSignature(secret, 'user-42', signature)).toBe(true);
    expect(verifyVisitorSignature(secret, 'user-42', signature.toUpperCase())).toBe(true);
    expect(verifyVisitorSignature(secret, 'user-43', signature)).toBe(false);
    expect(verifyVisitorSignature('other-secret', 'user-42', signature)).toBe(false);
    expect(verifyVisitorSignature(secret, 'user-42', signature.slice(0, 62))).toBe(false);
    expect(verifyVisitorSignature(secret, 'user-42', 'zz'.repeat(32))).toBe(false);
  });
});
