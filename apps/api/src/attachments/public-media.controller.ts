import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { AttachmentRepository } from './attachment.repository.js';
import { AttachmentErrors } from './attachments.errors.js';
import { sendError } from './http-error.js';
import { PublicMediaLinks } from './public-media-links.js';
import { ATTACHMENT_STORAGE, type AttachmentStorage } from './storage/attachment-storage.js';

/**
 * GET /media/<token>: a file for a provider that fetches media by URL (Twilio, sending an MMS or
 * WhatsApp reply). No sign-in: the signed, expiring token is the permission, and only a file on a
 * public entry (one the customer sees anyway) is served. Anything else is 404.
 */
@Controller('media')
export class PublicMediaController {
  constructor(
    private readonly links: PublicMediaLinks,
    private readonly attachments: AttachmentRepository,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
  ) {}

  @Get(':token')
  async get(@Param('token') token: string, @Res() res: Response) {
    try {
      const id = this.links.verify(token);
      const row = id === null ? null : await this.attachments.findById(id);
      if (!row || row.visibility !== 'public' || row.ticketEntryId === null) throw AttachmentErrors.notFound(token.split('.')[0] ?? '');
      const content = await this.storage.get(row.storageKey);
      if (!content) throw AttachmentErrors.notFound(String(id));
      res.status(200).set({
        'Content-Type': row.contentType,
        'Content-Length': String(row.size),
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'private, no-store',
      });
      await pipeline(content, res);
    } catch (error) {
      sendError(res, error);
    }
  }
}
