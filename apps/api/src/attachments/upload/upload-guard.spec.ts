import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { typeAllowed } from '../attachment-limits.js';
import { UploadGuard, UploadRejected } from './upload-guard.js';

const guard = (maxBytes = 100_000, types = ['image/*', 'text/plain']) =>
  new UploadGuard({ maxBytes, declaredType: 'application/octet-stream', filename: 'x', allowed: (t) => typeAllowed(t, types) });

function through(chunks: Buffer[], g: UploadGuard) {
  return buffer(Readable.from(chunks).pipe(g));
}

describe('UploadGuard', () => {
  it('passes the bytes through unchanged and reports the sniffed type', async () => {
    const chunks = Array.from({ length: 10 }, (_, i) => Buffer.from(`line ${i} `.repeat(100)));
    const g = guard();
    const out = await through(chunks, g);
    expect(out.equals(Buffer.concat(chunks))).toBe(true);
    expect(g.contentType).toBe('text/plain');
  });

  it('fails one byte past the limit, without waiting for the end', async () => {
    const g = guard(1000);
    let pulled = 0;
    const source = Readable.from(
      (function* () {
        for (let i = 0; i < 100; i++) {
          pulled++;
          yield Buffer.alloc(600, 'a');
        }
      })(),
    );
    const error = await buffer(source.pipe(g)).catch((e) => e);
    expect(error).toBeInstanceOf(UploadRejected);
    expect(error.reason).toBe('too_large');
    expect(pulled).toBeLessThan(10);
  });

  it('accepts a file of exactly the limit', async () => {
    await expect(through([Buffer.alloc(1000, 'a')], guard(1000))).resolves.toHaveLength(1000);
  });

  it('refuses a type that is not allowed, and an empty file', async () => {
    const binary = await through([Buffer.from([0x4d, 0x5a, 0, 0, 0])], guard()).catch((e) => e);
    expect(binary).toMatchObject({ reason: 'type_not_allowed', detail: 'application/octet-stream' });
    const empty = await through([], guard()).catch((e) => e);
    expect(empty).toMatchObject({ reason: 'empty' });
  });
});
