import { callSummary, formatDuration } from './call-summary.js';

describe('call summary', () => {
  it('says direction, numbers, outcome and duration', () => {
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(125)).toBe('2 min 5 s');
    expect(formatDuration(120)).toBe('2 min');
    expect(callSummary({ Direction: 'inbound', From: '+4915112345678', To: '+15005550006', CallStatus: 'completed', CallDuration: '125' })).toBe(
      '📞 Inbound call from +4915112345678 to +15005550006 · answered, 2 min 5 s',
    );
    expect(callSummary({ Direction: 'outbound-api', From: '+15005550006', To: '+4930123456', CallStatus: 'no-answer', CallDuration: '0', RecordingUrl: 'x' })).toBe(
      '📞 Outbound call from +15005550006 to +4930123456 · not answered, 0 s · recorded',
    );
  });
});
