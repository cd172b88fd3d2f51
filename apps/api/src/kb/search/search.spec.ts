import { booleanQuery, indexableTerms } from './fulltext-query.js';
import { highlight } from './snippet.js';
import { closest, editDistance } from './spelling.js';

describe('kb search helpers', () => {
  it('keeps only words InnoDB indexes (>= 3 chars, not stopwords) and strips operators', () => {
    expect(indexableTerms('How do I reset the VPN password? +foo -bar "baz" a* ip')).toEqual(['reset', 'vpn', 'password', 'foo', 'bar', 'baz']);
    expect(indexableTerms('to be or')).toEqual([]);
  });

  it('requires every term, lets a plural match its singular, and a prefix for typing', () => {
    expect(booleanQuery(['printers', 'jam'])).toBe('+(printers printer) +jam');
    expect(booleanQuery(['reset', 'pass'], true)).toBe('+reset +pass*');
    expect(booleanQuery(['office', 'printers'], false, true)).toBe('office printers printer');
  });

  it('highlights terms in an escaped excerpt around the first match', () => {
    const text = `${'intro '.repeat(40)}To reset your <b>password</b> open Settings. Passwords expire.`;
    const html = highlight(text, ['password']);
    expect(html).toContain('&lt;b&gt;<mark>password</mark>&lt;/b&gt;');
    expect(html).toContain('<mark>Passwords</mark>');
    expect(html.startsWith('… ')).toBe(true);
    expect(html).not.toContain('<b>');
  });

  it('finds the closest known word within one or two typos', () => {
    expect(editDistance('pasword', 'password', 2)).toBe(1);
    expect(closest('pasword', ['passport', 'password'])).toBe('password');
    expect(closest('vnp', ['vpn'])).toBe(null); // a transposition is two edits; short words allow one
    expect(closest('invoce', ['invoice', 'voice'])).toBe('invoice');
  });
});
