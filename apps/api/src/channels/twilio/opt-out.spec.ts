import { optKeyword } from './opt-out.js';
import { parseTwilioAddress, phonePlaceholderEmail, toTwilioAddress } from './twilio-address.js';

describe('opt-out keywords', () => {
  it('reads STOP and START as the whole message, in any case', () => {
    expect(optKeyword('STOP')).toBe('stop');
    expect(optKeyword(' unsubscribe. ')).toBe('stop');
    expect(optKeyword('Start')).toBe('start');
    expect(optKeyword('please stop the noise')).toBeNull();
    expect(optKeyword('yes')).toBeNull();
    expect(optKeyword('')).toBeNull();
  });
});

describe('twilio addresses', () => {
  it('normalizes SMS and WhatsApp numbers to E.164', () => {
    expect(parseTwilioAddress('+49 151 1234 5678')).toEqual({ channel: 'sms', e164: '+4915112345678' });
    expect(parseTwilioAddress('whatsapp:+4915112345678')).toEqual({ channel: 'whatsapp', e164: '+4915112345678' });
    expect(parseTwilioAddress('hello')).toBeNull();
    expect(parseTwilioAddress(undefined)).toBeNull();
    expect(toTwilioAddress('whatsapp', '+4915112345678')).toBe('whatsapp:+4915112345678');
    expect(phonePlaceholderEmail('+4915112345678')).toBe('+4915112345678@phone.invalid');
  });
});
