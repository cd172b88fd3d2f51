import { GetAttachmentFileHandler } from './get-attachment-file/get-attachment-file.handler.js';

export const AttachmentQueryHandlers = [GetAttachmentFileHandler];
