import { replyAddress, replyToken, ticketIdFromToken, tokenInRecipients } from './reply-token.js';

const SECRET = 'unit-test-secret-0123456789';

describe('reply tokens', () => {
  it('round-trips a ticket id through a signed token and a plus-address', () => {
    const token = replyToken(1234, SECRET);
    expect(token).toMatch(/^1234-[0-9a-f]{16}$/);
    expect(ticketIdFromToken(token, SECRET)).toBe(1234);
    expect(ticketIdFromToken(token.toUpperCase(), SECRET)).toBe(1234);
    const address = replyAddress('support@acme.test', 1234, SECRET);
    expect(address).toBe(`support+${token}@acme.test`);
    expect(tokenInRecipients(['someone@else.test', address.toUpperCase()], 'support@acme.test')).toBe(token);
  });

  it('refuses tokens for another ticket, another secret or of the wrong shape', () => {
    const token = replyToken(1234, SECRET);
    expect(ticketIdFromToken(token.replace(/^1234/, '1235'), SECRET)).toBeNull();
    expect(ticketIdFromToken(token, 'another-secret-0123456789')).toBeNull();
    expect(ticketIdFromToken('1234', SECRET)).toBeNull();
    expect(ticketIdFromToken('1234-zzzz', SECRET)).toBeNull();
    expect(tokenInRecipients(['billing+123-abc@acme.test', 'support@acme.test'], 'support@acme.test')).toBeNull();
  });
});
