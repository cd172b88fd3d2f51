import { Transform } from 'node:stream';
import { SNIFF_BYTES, sniffContentType } from '../content-sniff.js';

export class UploadRejected extends Error {
  constructor(
    readonly reason: 'too_large' | 'type_not_allowed' | 'empty',
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'UploadRejected';
  }
}

export interface GuardOptions {
  maxBytes: number;
  declaredType: string;
  filename: string;
  allowed: (contentType: string) => boolean;
}

/**
 * A pass-through that holds back the first bytes until it knows the real content type, and fails
 * the stream (so storage keeps nothing) as soon as the file is of a type not allowed or one byte
 * past the limit. Nothing is buffered beyond the sniffing window.
 */
export class UploadGuard extends Transform {
  private head: Buffer[] = [];
  private headLength = 0;
  private total = 0;
  /** Set once the first bytes have been inspected. */
  contentType: string | null = null;

  constructor(private readonly options: GuardOptions) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void) {
    this.total += chunk.length;
    if (this.total > this.options.maxBytes) return done(new UploadRejected('too_large', `more than ${this.options.maxBytes} bytes`));
    if (this.contentType) {
      this.push(chunk);
      return done();
    }
    this.head.push(chunk);
    this.headLength += chunk.length;
    if (this.headLength >= SNIFF_BYTES) return done(this.decide(false));
    done();
  }

  override _flush(done: (error?: Error | null) => void) {
    done(this.contentType ? null : this.decide(true));
  }

  private decide(complete: boolean): Error | null {
    const head = Buffer.concat(this.head);
    if (head.length === 0) return new UploadRejected('empty', 'no bytes');
    const type = sniffContentType(head.subarray(0, SNIFF_BYTES), this.options.declaredType, this.options.filename, complete);
    if (!this.options.allowed(type)) return new UploadRejected('type_not_allowed', type);
    this.contentType = type;
    this.head = [];
    this.push(head);
    return null;
  }
}
