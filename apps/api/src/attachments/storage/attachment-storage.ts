import type { Readable } from 'node:stream';

export interface StoredObject {
  /** The SHA-256 of the content, hex: the same bytes always get the same key and are stored once. */
  key: string;
  size: number;
}

/**
 * Where attachment bytes live. Local disk by default (local-disk.storage.ts); an S3-compatible
 * implementation only has to keep the same contract: content-addressed keys, streams in and out.
 */
export interface AttachmentStorage {
  /** Stores the stream's bytes. If the stream fails (too large, wrong type), nothing is kept and the promise rejects with its error. */
  put(content: Readable): Promise<StoredObject>;
  /** The bytes of `key`, or null when there is no such object. */
  get(key: string): Promise<Readable | null>;
  exists(key: string): Promise<boolean>;
}

/** Nest injection token for the configured AttachmentStorage. */
export const ATTACHMENT_STORAGE = Symbol('ATTACHMENT_STORAGE');

export const isStorageKey = (key: string) => /^[0-9a-f]{64}$/.test(key);
