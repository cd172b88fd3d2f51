import { contentDisposition, sanitizeFilename } from './filename.js';

describe('sanitizeFilename', () => {
  it('keeps only the last path segment and drops reserved and control characters', () => {
    expect(sanitizeFilename('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFilename('C:\\Users\\me\\report.pdf')).toBe('report.pdf');
    expect(sanitizeFilename('a"b<c>\u0000d.txt')).toBe('a_b_c__d.txt');
    expect(sanitizeFilename('  ..hidden  ')).toBe('hidden');
    expect(sanitizeFilename('')).toBe('file');
    expect(sanitizeFilename(undefined)).toBe('file');
  });

  it('shortens long names but keeps the extension', () => {
    const name = sanitizeFilename(`${'x'.repeat(300)}.png`);
    expect(name).toHaveLength(180);
    expect(name.endsWith('.png')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('attachment', 'Rechnung März.pdf')).toBe(
      `attachment; filename="Rechnung M_rz.pdf"; filename*=UTF-8''Rechnung%20M%C3%A4rz.pdf`,
    );
    expect(contentDisposition('inline', "it's (1).png")).toBe(`inline; filename="it's (1).png"; filename*=UTF-8''it%27s%20%281%29.png`);
  });
});
