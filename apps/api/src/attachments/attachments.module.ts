import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { SequelizeModule } from '@nestjs/sequelize';
import { AttachmentLinker } from './attachment-linker.js';
import { AttachmentModel } from './attachment.model.js';
import { AttachmentRepository } from './attachment.repository.js';
import { AttachmentsController } from './attachments.controller.js';
import { AttachmentCommandHandlers } from './commands/index.js';
import { AttachmentQueryHandlers } from './queries/index.js';
import { attachmentStorageProvider } from './storage/storage.provider.js';
import { PublicMediaController } from './public-media.controller.js';
import { PublicMediaLinks } from './public-media-links.js';

/** Uploads, storage and downloads of files. Exports the linker the tickets module claims uploads with, and signed public links (MMS media). */
@Module({
  imports: [CqrsModule, SequelizeModule.forFeature([AttachmentModel])],
  controllers: [AttachmentsController, PublicMediaController],
  providers: [AttachmentRepository, AttachmentLinker, attachmentStorageProvider, ...AttachmentCommandHandlers, ...AttachmentQueryHandlers, PublicMediaLinks],
  exports: [AttachmentLinker, PublicMediaLinks],
})
export class AttachmentsModule {}
