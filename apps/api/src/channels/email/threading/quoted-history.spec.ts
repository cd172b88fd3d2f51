import { foldQuotedHistory } from './quoted-history.js';

describe('foldQuotedHistory', () => {
  it('folds the "On ... wrote:" history and keeps it', () => {
    const text = 'Thanks, that worked.\n\nOn Sun, 22 Nov 2026 at 10:00, Ana <support@acme.test> wrote:\n> Try restarting.\n> Ana';
    expect(foldQuotedHistory(text)).toEqual({ visible: 'Thanks, that worked.', folded: expect.stringContaining('> Try restarting.') });
  });

  it('folds Outlook headers, trailing quotes and signatures', () => {
    expect(foldQuotedHistory('New text\n\n-----Original Message-----\nFrom: x').visible).toBe('New text');
    expect(foldQuotedHistory('Inline answer\n> old\n> older\n').visible).toBe('Inline answer');
    expect(foldQuotedHistory('Body\n-- \nJane Doe\nACME').visible).toBe('Body');
    expect(foldQuotedHistory('Am 22.11.2026 schrieb Ana <a@b.test>:\n> alt').visible).toContain('Am 22.11.2026');
  });

  it('keeps interleaved answers and never folds everything', () => {
    expect(foldQuotedHistory('> question one\nanswer one\n> question two\nanswer two').visible).toContain('answer two');
    expect(foldQuotedHistory('> only a quote').visible).toBe('> only a quote');
  });
});
