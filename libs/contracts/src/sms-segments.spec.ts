import { smsSegments } from './sms-segments.js';

describe('smsSegments', () => {
  it('counts GSM-7 texts in 160s, then 153s', () => {
    expect(smsSegments('')).toMatchObject({ encoding: 'GSM-7', segments: 0, characters: 0 });
    expect(smsSegments('a'.repeat(160))).toMatchObject({ encoding: 'GSM-7', segments: 1, units: 160, remaining: 0 });
    expect(smsSegments('a'.repeat(161))).toMatchObject({ segments: 2, remaining: 306 - 161 });
    expect(smsSegments('a'.repeat(306))).toMatchObject({ segments: 2 });
    expect(smsSegments('a'.repeat(307))).toMatchObject({ segments: 3 });
  });

  it('counts the extension characters twice', () => {
    expect(smsSegments('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', characters: 80, units: 160, segments: 1 });
    expect(smsSegments('{'.repeat(81))).toMatchObject({ units: 162, segments: 2 });
  });

  it('switches to UCS-2 on the first character outside GSM, and says which', () => {
    expect(smsSegments('Grüße aus Köln ł')).toMatchObject({ encoding: 'UCS-2', segments: 1, nonGsm: 'ł' });
    expect(smsSegments('x'.repeat(70) + 'ł').segments).toBe(2);
    expect(smsSegments('ł'.repeat(70))).toMatchObject({ segments: 1, remaining: 0 });
    // An emoji is two UTF-16 units: 35 fill a single UCS-2 message, one more starts a second part.
    expect(smsSegments('😀'.repeat(35))).toMatchObject({ characters: 35, units: 70, segments: 1 });
    expect(smsSegments('😀'.repeat(36))).toMatchObject({ units: 72, segments: 2 });
  });
});
