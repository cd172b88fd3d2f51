import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { UploadAttachmentCommand } from '../../attachments/commands/upload-attachment/upload-attachment.command.js';
import type { Actor } from '../../common/actor.js';
import { DomainError } from '../../common/domain-error.js';
import { TwilioClient } from './twilio-client.js';

const MAX_MEDIA = 10;
const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
  'audio/ogg': 'ogg',
  'audio/mpeg': 'mp3',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'video/mp4': 'mp4',
  'text/vcard': 'vcf',
  'text/plain': 'txt',
};

export const mediaFilename = (prefix: string, index: number, type: string) =>
  `${prefix}-${index + 1}.${EXTENSIONS[type.split(';')[0].trim().toLowerCase()] ?? 'bin'}`;

export interface StoredMedia {
  attachmentIds: number[];
  /** Files the attachment rules refused (type, size), named for the timeline. */
  skipped: string[];
}

/**
 * Downloads a message's media (MediaUrlN, with the account's credentials) and stores each file
 * through the attachments module as an upload of the customer's, for the entry to claim. A
 * download failure throws (the job retries); a file the attachment rules refuse is skipped and named.
 */
@Injectable()
export class MediaFetcher {
  private readonly logger = new Logger(MediaFetcher.name);

  constructor(
    private readonly twilio: TwilioClient,
    private readonly commands: CommandBus,
  ) {}

  async storeMessageMedia(actor: Actor, params: Record<string, string>): Promise<StoredMedia> {
    const count = Math.min(Number(params.NumMedia) || 0, MAX_MEDIA);
    const result: StoredMedia = { attachmentIds: [], skipped: [] };
    for (let i = 0; i < count; i++) {
      const url = params[`MediaUrl${i}`];
      if (!url) continue;
      const type = params[`MediaContentType${i}`] || 'application/octet-stream';
      const stored = await this.store(actor, url, mediaFilename('media', i, type), type);
      if (typeof stored === 'number') result.attachmentIds.push(stored);
      else result.skipped.push(stored);
    }
    return result;
  }

  /** One file: its attachment id, or why it was refused. */
  async store(actor: Actor, url: string, filename: string, type: string): Promise<number | string> {
    const res = await this.twilio.download(url);
    if (!res.body) return `${filename} (empty)`;
    try {
      const attachment = await this.commands.execute(
        new UploadAttachmentCommand(actor, Readable.fromWeb(res.body as unknown as WebReadableStream), filename, type),
      );
      return attachment.id;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn(`media ${filename} not stored: ${error.message}`);
      return `${filename} (${error.message})`;
    }
  }
}
