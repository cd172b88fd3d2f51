import type { Provider } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { ATTACHMENT_STORAGE, type AttachmentStorage } from './attachment-storage.js';
import { LocalDiskStorage } from './local-disk.storage.js';

/** The one place that picks the storage implementation (an S3-compatible one would be chosen here by config). */
export const attachmentStorageProvider: Provider = {
  provide: ATTACHMENT_STORAGE,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): AttachmentStorage => new LocalDiskStorage(config.attachments.dir),
};
