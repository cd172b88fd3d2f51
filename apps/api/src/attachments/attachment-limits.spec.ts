import { DEFAULT_ATTACHMENT_TYPES, formatBytes, parseTypePatterns, typeAllowed } from './attachment-limits.js';

describe('attachment type and size limits', () => {
  it('parses a comma-separated list of MIME types and patterns, refusing anything else', () => {
    expect(parseTypePatterns(' image/* , Application/PDF ')).toEqual(['image/*', 'application/pdf']);
    expect(parseTypePatterns('')).toBeNull();
    expect(parseTypePatterns('pdf')).toBeNull();
    expect(parseTypePatterns('image/*,*/*')).toBeNull();
  });

  it('matches exact types and type/* patterns only', () => {
    expect(typeAllowed('image/webp', ['image/*'])).toBe(true);
    expect(typeAllowed('application/pdf', ['image/*'])).toBe(false);
    expect(typeAllowed('imagex/png', ['image/*'])).toBe(false);
    expect(typeAllowed('text/plain', ['text/plain'])).toBe(true);
    expect(typeAllowed('text/csv', ['text/plain'])).toBe(false);
  });

  it('accepts images, PDFs, text, office documents and zips by default, but nothing unrecognised', () => {
    const defaults = [...DEFAULT_ATTACHMENT_TYPES];
    for (const type of ['image/png', 'application/pdf', 'text/plain', 'application/zip', 'application/msword']) {
      expect(typeAllowed(type, defaults)).toBe(true);
    }
    expect(typeAllowed('application/octet-stream', defaults)).toBe(false);
    expect(typeAllowed('text/html', defaults)).toBe(false);
  });

  it('says sizes in units people read', () => {
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(512)).toBe('512 bytes');
  });
});
