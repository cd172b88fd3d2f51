import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { MAX_ATTACHMENTS_PER_ENTRY } from '@switchboard/contracts';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { defineAbilityFor } from '../access/ability.factory.js';
import { AuthErrors } from '../auth/auth.errors.js';
import { authenticate } from '../auth/authenticate.js';
import { clientOf } from '../http/client-meta.js';
import type { Actor } from '../common/actor.js';
import { AttachmentErrors } from './attachments.errors.js';
import { UploadAttachmentCommand } from './commands/upload-attachment/upload-attachment.command.js';
import { isPreviewableImage } from './content-sniff.js';
import { contentDisposition } from './filename.js';
import { sendError, sendUnauthorized } from './http-error.js';
import { GetAttachmentFileQuery } from './queries/get-attachment-file/get-attachment-file.query.js';
import { receiveFiles } from './upload/receive-files.js';

/** Nothing a file says can run in the browser that opens it: no scripts, no plugins, no frames, sandboxed. */
const DOWNLOAD_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox";

/**
 * Uploads and downloads are byte streams, not JSON, so they are plain routes next to the tRPC/REST
 * procedures (mount.ts lets unknown /api/v1 paths fall through to Nest). Same bearer token, same
 * abilities; the handlers do the checking, as for every procedure.
 */
@Controller('api/v1/attachments')
export class AttachmentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  private async actorOf(req: Request, res: Response): Promise<Actor | null> {
    const user = await authenticate(req, res);
    // The same refusal as every procedure's (trpc.ts): an owner who must use two-factor and has not set it up.
    if (user?.apiKey?.refused === 'two_factor_not_enrolled') throw AuthErrors.apiKeyTwoFactorRequired(user.role);
    return user ? { user, ability: defineAbilityFor(user), ...clientOf(req) } : null;
  }

  /** multipart/form-data with one or more `file` parts -> 201 [{ id, filename, contentType, size, url }] */
  @Post()
  async upload(@Req() req: Request, @Res() res: Response) {
    try {
      const actor = await this.actorOf(req, res);
      if (!actor) {
        req.resume();
        return sendUnauthorized(res);
      }
      if (actor.ability.cannot('create', 'Attachment')) throw AttachmentErrors.forbidden();
      if (!req.is('multipart/form-data')) throw AttachmentErrors.notMultipart();
      const uploaded = await receiveFiles(req, MAX_ATTACHMENTS_PER_ENTRY, (file) =>
        this.commands.execute(new UploadAttachmentCommand(actor, file.stream, file.filename, file.mimeType)),
      );
      if (uploaded.length === 0) throw AttachmentErrors.noFile();
      res.status(201).json(uploaded);
    } catch (error) {
      if (!req.complete) req.resume();
      sendError(res, error);
    }
  }

  /** The file's bytes; images inline, everything else as a download. 404 for anything the caller may not read. */
  @Get(':id')
  async download(@Param('id') rawId: string, @Req() req: Request, @Res() res: Response) {
    try {
      const actor = await this.actorOf(req, res);
      if (!actor) return sendUnauthorized(res);
      if (!/^\d{1,15}$/.test(rawId)) throw AttachmentErrors.notFound(rawId);
      const { attachment, content } = await this.queries.execute(new GetAttachmentFileQuery(actor, Number(rawId)));
      const inline = isPreviewableImage(attachment.contentType);
      res.status(200).set({
        'Content-Type': attachment.contentType.startsWith('text/') ? `${attachment.contentType}; charset=utf-8` : attachment.contentType,
        'Content-Length': String(attachment.size),
        'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', attachment.filename),
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': DOWNLOAD_CSP,
        'Cache-Control': 'private, max-age=300',
      });
      await pipeline(content, res);
    } catch (error) {
      sendError(res, error);
    }
  }
}
