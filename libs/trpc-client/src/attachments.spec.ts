import { collectUploads, formatLimit, uploadAttachments } from './attachments.js';

async function* chunks(...parts: string[]) {
  for (const p of parts) yield new TextEncoder().encode(p);
}

describe('collectUploads', () => {
  it('keeps text fields, collects files of the file field and notes files past the limit', async () => {
    const { handler, files, tooLarge } = collectUploads(10, 'files');
    await expect(handler({ name: 'body', contentType: 'text/plain', data: chunks('héllo ', 'wörld') })).resolves.toBe('héllo wörld');
    await expect(handler({ name: 'files', filename: 'a.txt', contentType: 'text/plain', data: chunks('12345', '67') })).resolves.toBeUndefined();
    await handler({ name: 'files', filename: 'big.txt', contentType: 'text/plain', data: chunks('123456', '789012') });
    await handler({ name: 'other', filename: 'x.txt', contentType: 'text/plain', data: chunks('ignored') });
    await handler({ name: 'files', filename: '', contentType: 'application/octet-stream', data: chunks() });
    expect(files.map((f) => [f.name, f.size, f.type])).toEqual([['a.txt', 7, 'text/plain']]);
    await expect(files[0]!.text()).resolves.toBe('1234567');
    expect(tooLarge).toEqual(['big.txt']);
  });
});

describe('uploadAttachments', () => {
  it('does not call the API without files, and says so when the API is unreachable', async () => {
    await expect(uploadAttachments({ url: 'http://127.0.0.1:1', token: 't' }, [])).resolves.toEqual({ ok: true, ids: [] });
    const down = await uploadAttachments({ url: 'http://127.0.0.1:1', token: 't' }, [new File(['x'], 'x.txt')]);
    expect(down).toMatchObject({ ok: false, status: 0, message: expect.stringContaining('not reachable') });
  });
});

it('formats the limit for people', () => {
  expect(formatLimit(10 * 1024 * 1024)).toBe('10 MB');
  expect(formatLimit(512 * 1024)).toBe('512 KB');
});
