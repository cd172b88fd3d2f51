import { subject } from '@casl/ability';
import { Inject, Logger } from '@nestjs/common';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AttachmentFields } from '../../../access/app-ability.js';
import { DomainError } from '../../../common/domain-error.js';
import { GetTicketQuery } from '../../../tickets/queries/get-ticket/get-ticket.query.js';
import { toAttachment } from '../../attachment.mapper.js';
import { AttachmentRepository } from '../../attachment.repository.js';
import { AttachmentErrors } from '../../attachments.errors.js';
import { ATTACHMENT_STORAGE, type AttachmentStorage } from '../../storage/attachment-storage.js';
import { GetAttachmentFileQuery, type AttachmentFile } from './get-attachment-file.query.js';

/**
 * Three locks, each answering "not found" so ids reveal nothing: the attachment rules (a customer
 * never matches an internal entry's file), the ticket's own rules (asked of the tickets module), and
 * for a file not attached to anything yet, only its uploader.
 */
@QueryHandler(GetAttachmentFileQuery)
export class GetAttachmentFileHandler implements IQueryHandler<GetAttachmentFileQuery, AttachmentFile> {
  private readonly logger = new Logger('attachments');

  constructor(
    private readonly attachments: AttachmentRepository,
    private readonly queries: QueryBus,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
  ) {}

  async execute({ actor, attachmentId }: GetAttachmentFileQuery): Promise<AttachmentFile> {
    const row = await this.attachments.findById(attachmentId);
    if (!row) throw AttachmentErrors.notFound(attachmentId);
    const fields: AttachmentFields = { uploaderId: row.uploaderId, ticketId: row.ticketId, visibility: row.visibility };
    if (actor.ability.cannot('read', subject('Attachment', fields))) throw AttachmentErrors.notFound(attachmentId);

    if (row.ticketId === null) {
      if (row.uploaderId !== actor.user.id) throw AttachmentErrors.notFound(attachmentId);
    } else {
      try {
        await this.queries.execute(new GetTicketQuery(actor, row.ticketId));
      } catch (error) {
        if (error instanceof DomainError && (error.kind === 'not_found' || error.kind === 'forbidden')) {
          throw AttachmentErrors.notFound(attachmentId);
        }
        throw error;
      }
    }

    const content = await this.storage.get(row.storageKey);
    if (!content) {
      this.logger.error(`attachment ${attachmentId}: object ${row.storageKey} is missing from storage`);
      throw AttachmentErrors.notFound(attachmentId);
    }
    return { attachment: toAttachment(row), content };
  }
}
