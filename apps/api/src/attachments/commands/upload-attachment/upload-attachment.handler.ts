import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Attachment } from '@switchboard/contracts';
import { APP_CONFIG } from '../../../config/config.module.js';
import type { AppConfig } from '../../../config/config.schema.js';
import { typeAllowed } from '../../attachment-limits.js';
import { toAttachment } from '../../attachment.mapper.js';
import { AttachmentRepository } from '../../attachment.repository.js';
import { AttachmentErrors } from '../../attachments.errors.js';
import { sanitizeFilename } from '../../filename.js';
import { ATTACHMENT_STORAGE, type AttachmentStorage } from '../../storage/attachment-storage.js';
import { UploadGuard, UploadRejected } from '../../upload/upload-guard.js';
import { UploadAttachmentCommand } from './upload-attachment.command.js';

/**
 * Streams one file into storage through the guard (size limit, sniffed type), then records it,
 * unattached. Unattached uploads are claimed by tickets.create / tickets.reply; ones nobody claims
 * within a day are left for a sweeper (not written yet) to delete.
 */
@CommandHandler(UploadAttachmentCommand)
export class UploadAttachmentHandler implements ICommandHandler<UploadAttachmentCommand, Attachment> {
  constructor(
    private readonly attachments: AttachmentRepository,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ actor, content, filename: raw, declaredType, contentId }: UploadAttachmentCommand): Promise<Attachment> {
    if (actor.ability.cannot('create', 'Attachment')) {
      content.resume();
      throw AttachmentErrors.forbidden();
    }
    const filename = sanitizeFilename(raw);
    const { maxBytes, types } = this.config.attachments;
    const guard = new UploadGuard({ maxBytes, declaredType, filename, allowed: (type) => typeAllowed(type, types) });
    content.pipe(guard);
    // A failing source (client gone, busboy error) must fail the guard, or storage would wait forever.
    content.once('error', (error) => guard.destroy(error));
    // storage.put's pipeline receives the guard's error; this keeps a late duplicate from crashing the process.
    guard.on('error', () => undefined);

    let stored;
    try {
      stored = await this.storage.put(guard);
    } catch (error) {
      content.unpipe(guard);
      content.resume();
      if (error instanceof UploadRejected) {
        if (error.reason === 'too_large') throw AttachmentErrors.tooLarge(filename, maxBytes);
        if (error.reason === 'empty') throw AttachmentErrors.empty(filename);
        throw AttachmentErrors.typeNotAllowed(filename, error.detail);
      }
      throw error;
    }
    const row = await this.attachments.insert({
      storageKey: stored.key,
      filename,
      contentType: guard.contentType!,
      size: stored.size,
      uploaderId: actor.user.id,
      contentId: contentId?.slice(0, 190) || null,
    });
    return toAttachment(row);
  }
}
