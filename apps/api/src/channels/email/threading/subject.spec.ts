import { normalizeSubject, replySubject, ticketNumberInSubject } from './subject.js';

describe('subjects', () => {
  it('finds [#n] and [Ticket #n]', () => {
    expect(ticketNumberInSubject('Re: [#1234] Printer')).toBe(1234);
    expect(ticketNumberInSubject('AW: Printer [Ticket #77]')).toBe(77);
    expect(ticketNumberInSubject('Printer #12')).toBeNull();
  });

  it('normalizes reply/forward prefixes in several languages, tags and spacing', () => {
    expect(normalizeSubject('RE: Fwd: AW: WG:  Printer   jam')).toBe('printer jam');
    expect(normalizeSubject('Re[2]: SV: [#12] Printer jam')).toBe('printer jam');
    expect(normalizeSubject('Printer jam')).toBe('printer jam');
    expect(normalizeSubject('Re: ')).toBe('');
  });

  it('builds reply subjects with the ticket tag once', () => {
    expect(replySubject(12, 'Printer jam')).toBe('[#12] Re: Printer jam');
    expect(replySubject(12, 'Re: [#12] Printer jam')).toBe('[#12] Re: Printer jam');
  });
});
