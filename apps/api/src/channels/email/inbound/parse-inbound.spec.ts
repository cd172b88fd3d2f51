import { decodeCharset } from './parse-inbound.js';

describe('decodeCharset', () => {
  it('decodes the charsets SendGrid names in parsed mode', () => {
    expect(decodeCharset(Buffer.from([0x93, 0x53, 0x94, 0x20, 0x96, 0x20, 0x85, 0x20, 0x80]), 'windows-1252')).toBe('“S” – … €');
    expect(decodeCharset(Buffer.from([0xa4]), 'ISO-8859-15')).toBe('€');
    expect(decodeCharset(Buffer.from([0xcf, 0xf0]), 'windows-1251')).toBe('Пр');
    expect(decodeCharset(Buffer.from('1b2442246b1b2842', 'hex'), 'iso-2022-jp')).toBe('る');
    expect(decodeCharset(Buffer.from('héllo', 'utf8'), undefined)).toBe('héllo');
    expect(decodeCharset(Buffer.from('héllo', 'utf8'), 'x-unknown-charset')).toBe('héllo');
  });
});
