import { inboundAuthorized } from './webhook-auth.js';

const SECRET = 'a-secret-of-enough-length';
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('inboundAuthorized', () => {
  it('accepts the secret as basic-auth password or path token', () => {
    expect(inboundAuthorized(SECRET, basic('inbound', SECRET), undefined)).toBe(true);
    expect(inboundAuthorized(SECRET, undefined, SECRET)).toBe(true);
  });

  it('refuses anything else, and everything when no secret is configured', () => {
    expect(inboundAuthorized(SECRET, basic('inbound', 'nope'), undefined)).toBe(false);
    expect(inboundAuthorized(SECRET, undefined, undefined)).toBe(false);
    expect(inboundAuthorized(SECRET, undefined, 'nope')).toBe(false);
    // A path token wins over a header: a right header with a wrong path is refused.
    expect(inboundAuthorized(SECRET, basic('inbound', SECRET), 'nope')).toBe(false);
    expect(inboundAuthorized(SECRET, `Bearer ${SECRET}`, undefined)).toBe(false);
    expect(inboundAuthorized(null, basic('inbound', SECRET), SECRET)).toBe(false);
  });
});
