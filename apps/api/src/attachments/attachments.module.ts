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

/** Uploads, storage and downloads of files. Exports only the linker the tickets module claims uploads with. */
@Module({
  imports: [CqrsModule, SequelizeModule.forFeature([AttachmentModel])],
  controllers: [AttachmentsController],
  providers: [AttachmentRepository, AttachmentLinker, attachmentStorageProvider, ...AttachmentCommandHandlers, ...AttachmentQueryHandlers],
  exports: [AttachmentLinker],
})
export class AttachmentsModule {}
