import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isStorageKey, type AttachmentStorage, type StoredObject } from './attachment-storage.js';

/**
 * Files under one directory, named by their SHA-256 and fanned out by its first two byte pairs
 * (ab/cd/abcd…) so no directory grows huge. Writes go to tmp/ first and are renamed into place, so
 * a reader never sees half a file and two uploads of the same bytes end with one copy.
 */
export class LocalDiskStorage implements AttachmentStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string) {
    return join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }

  async put(content: Readable): Promise<StoredObject> {
    // The stream may fail while the directory is being made, before pipeline() listens: keep that error.
    let early: unknown = null;
    const keepEarly = (error: unknown) => (early ??= error);
    content.on('error', keepEarly);
    const tmpDir = join(this.root, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    content.off('error', keepEarly);
    if (early) {
      content.destroy();
      throw early;
    }
    const tmp = join(tmpDir, `${Date.now()}-${randomBytes(8).toString('hex')}`);
    const hash = createHash('sha256');
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(content, measure, createWriteStream(tmp, { flags: 'wx' }));
      const key = hash.digest('hex');
      const target = this.pathOf(key);
      if (await this.exists(key)) {
        await rm(tmp, { force: true });
      } else {
        await mkdir(join(target, '..'), { recursive: true });
        await rename(tmp, target);
      }
      return { key, size };
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable | null> {
    if (!(await this.exists(key))) return null;
    return createReadStream(this.pathOf(key));
  }

  async exists(key: string): Promise<boolean> {
    if (!isStorageKey(key)) return false;
    try {
      await access(this.pathOf(key));
      return true;
    } catch {
      return false;
    }
  }
}
