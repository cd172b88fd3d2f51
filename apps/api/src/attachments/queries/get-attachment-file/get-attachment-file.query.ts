import { Query } from '@nestjs/cqrs';
import type { Attachment } from '@switchboard/contracts';
import type { Readable } from 'node:stream';
import type { Actor } from '../../../common/actor.js';

export interface AttachmentFile {
  attachment: Attachment;
  content: Readable;
}

/** An attachment's bytes, if the actor may read the entry (and ticket) it belongs to. */
export class GetAttachmentFileQuery extends Query<AttachmentFile> {
  constructor(
    readonly actor: Actor,
    readonly attachmentId: number,
  ) {
    super();
  }
}
