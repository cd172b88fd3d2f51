import { isPreviewableImage, sniffContentType } from './content-sniff.js';

const bytes = (...parts: Array<number[] | string>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffContentType', () => {
  it('recognises images and PDFs by their magic bytes, whatever the client claims', () => {
    expect(sniffContentType(bytes([0x89], 'PNG\r\n', [0x1a, 0x0a], 'rest'), 'text/plain', 'a.txt', true)).toBe('image/png');
    expect(sniffContentType(bytes([0xff, 0xd8, 0xff, 0xe0]), '', 'x', true)).toBe('image/jpeg');
    expect(sniffContentType(bytes('GIF89a...'), '', 'x', true)).toBe('image/gif');
    expect(sniffContentType(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), '', 'x', true)).toBe('image/webp');
    expect(sniffContentType(bytes('%PDF-1.7\n'), 'image/png', 'x.png', true)).toBe('application/pdf');
  });

  it('recognises voicemail and voice-note audio: WAV, MP3 (ID3, or a bare frame the client says is MP3), Ogg', () => {
    expect(sniffContentType(bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '), '', 'x', true)).toBe('audio/wav');
    expect(sniffContentType(bytes('ID3', [4, 0, 0]), '', 'x', true)).toBe('audio/mpeg');
    expect(sniffContentType(bytes([0xff, 0xfb, 0x90, 0x64]), 'audio/mpeg', 'x.mp3', true)).toBe('audio/mpeg');
    expect(sniffContentType(bytes([0xff, 0xfb, 0x90, 0x64]), '', 'x', true)).toBe('application/octet-stream');
    expect(sniffContentType(bytes('OggS', [0, 2]), '', 'x', true)).toBe('audio/ogg');
  });

  it('lets the name or claim choose between formats the bytes cannot tell apart', () => {
    const zip = bytes([0x50, 0x4b, 0x03, 0x04], 'rest');
    expect(sniffContentType(zip, 'application/octet-stream', 'report.docx', true)).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(sniffContentType(zip, 'application/zip', 'logs.zip', true)).toBe('application/zip');
    expect(sniffContentType(zip, 'image/png', 'evil.png', true)).toBe('application/zip');
    const ole = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(sniffContentType(ole, '', 'old.xls', true)).toBe('application/vnd.ms-excel');
    expect(sniffContentType(ole, '', 'thing.msi', true)).toBe('application/octet-stream');
  });

  it('treats valid UTF-8 without NUL bytes as text, and nothing else', () => {
    expect(sniffContentType(Buffer.from('a,b\n1,2\n'), 'text/csv', 'data.csv', true)).toBe('text/csv');
    expect(sniffContentType(Buffer.from('<script>alert(1)</script>'), 'text/html', 'page.html', true)).toBe('text/plain');
    expect(sniffContentType(bytes('MZ', [0x90, 0, 3, 0]), 'image/png', 'photo.png', true)).toBe('application/octet-stream');
    expect(sniffContentType(bytes([0xc3, 0x28]), 'text/plain', 'bad.txt', true)).toBe('application/octet-stream');
  });

  it('does not mistake a multi-byte character cut at the end of the sniffing window for binary', () => {
    const cut = Buffer.from('café ü'.repeat(3)).subarray(0, -1);
    expect(sniffContentType(cut, 'text/plain', 'a.txt', false)).toBe('text/plain');
    expect(sniffContentType(cut, 'text/plain', 'a.txt', true)).toBe('application/octet-stream');
  });

  it('previews raster images only', () => {
    expect(isPreviewableImage('image/png')).toBe(true);
    expect(isPreviewableImage('image/svg+xml')).toBe(false);
    expect(isPreviewableImage('application/pdf')).toBe(false);
  });
});
