import { Command } from '@nestjs/cqrs';
import type { Attachment } from '@switchboard/contracts';
import type { Readable } from 'node:stream';
import type { Actor } from '../../../common/actor.js';

/** One uploaded file, still streaming in: the handler checks and stores it without holding it in memory. */
export class UploadAttachmentCommand extends Command<Attachment> {
  constructor(
    readonly actor: Actor,
    readonly content: Readable,
    /** As the client sent it; sanitized by the handler. */
    readonly filename: string,
    /** As the client claimed it; only a hint for the sniffer. */
    readonly declaredType: string,
    /** Content-ID of an email's inline image (the email channel passes it), else none. */
    readonly contentId: string | null = null,
  ) {
    super();
  }
}
