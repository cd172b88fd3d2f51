import { SecretBox } from './secret-box.js';

describe('SecretBox', () => {
  it('round-trips, never stores the plain text, and refuses another key or a tampered box', () => {
    const box = new SecretBox('a-signing-secret-of-length', 'twilio');
    const sealed = box.seal('token-123456');
    expect(sealed).not.toContain('token-123456');
    expect(box.seal('token-123456')).not.toBe(sealed);
    expect(box.open(sealed)).toBe('token-123456');
    expect(new SecretBox('another-signing-secret', 'twilio').open(sealed)).toBeNull();
    const [v, iv, tag, data] = sealed.split(':');
    const flipped = Buffer.from(data!, 'base64');
    flipped[0] ^= 1;
    expect(box.open([v, iv, tag, flipped.toString('base64')].join(':'))).toBeNull();
    expect(box.open('garbage')).toBeNull();
  });
});
