import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { text } from 'node:stream/consumers';
import { LocalDiskStorage } from './local-disk.storage.js';

describe('LocalDiskStorage', () => {
  let root: string;
  let storage: LocalDiskStorage;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'sb-storage-spec-'));
    storage = new LocalDiskStorage(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stores bytes under their SHA-256 and reads them back', async () => {
    const stored = await storage.put(Readable.from([Buffer.from('hello '), Buffer.from('world')]));
    expect(stored).toEqual({ key: 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9', size: 11 });
    expect(await storage.exists(stored.key)).toBe(true);
    expect(await text((await storage.get(stored.key))!)).toBe('hello world');
  });

  it('keeps one copy of the same bytes', async () => {
    const a = await storage.put(Readable.from([Buffer.from('same')]));
    const b = await storage.put(Readable.from([Buffer.from('same')]));
    expect(b.key).toBe(a.key);
    expect(readdirSync(join(root, a.key.slice(0, 2), a.key.slice(2, 4)))).toEqual([a.key]);
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
  });

  it('keeps nothing when the stream fails half-way', async () => {
    const failing = new Transform({
      transform(chunk, _e, done) {
        done(chunk.toString() === 'boom' ? new Error('too large') : null, chunk);
      },
    });
    Readable.from([Buffer.from('ok'), Buffer.from('boom')]).pipe(failing);
    await expect(storage.put(failing)).rejects.toThrow('too large');
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
    expect(readdirSync(root)).toEqual(['tmp']);
  });

  it('answers null for unknown keys and refuses keys that are not hashes', async () => {
    expect(await storage.get('0'.repeat(64))).toBeNull();
    expect(await storage.exists('../../etc/passwd')).toBe(false);
  });
});
