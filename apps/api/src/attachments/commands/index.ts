import { UploadAttachmentHandler } from './upload-attachment/upload-attachment.handler.js';

export const AttachmentCommandHandlers = [UploadAttachmentHandler];
