import { DomainError } from '../common/domain-error.js';
import { formatBytes } from './attachment-limits.js';

export enum AttachmentErrorCode {
  NotFound = 'ATTACHMENT_NOT_FOUND',
  Forbidden = 'ATTACHMENT_FORBIDDEN',
  TooLarge = 'ATTACHMENT_TOO_LARGE',
  TypeNotAllowed = 'ATTACHMENT_TYPE_NOT_ALLOWED',
  Empty = 'ATTACHMENT_EMPTY',
  NoFile = 'ATTACHMENT_NO_FILE',
  TooManyFiles = 'ATTACHMENT_TOO_MANY_FILES',
  NotMultipart = 'ATTACHMENT_NOT_MULTIPART',
  NotLinkable = 'ATTACHMENT_NOT_LINKABLE',
}

export const AttachmentErrors = {
  /** Also for an attachment the actor may not read: ids reveal nothing. */
  notFound: (id: number | string) => new DomainError('not_found', AttachmentErrorCode.NotFound, `Attachment ${id} was not found`),
  forbidden: () => new DomainError('forbidden', AttachmentErrorCode.Forbidden, 'You may not upload attachments'),
  tooLarge: (filename: string, maxBytes: number) =>
    new DomainError(
      'payload_too_large',
      AttachmentErrorCode.TooLarge,
      `file: "${filename}" is larger than the limit of ${formatBytes(maxBytes)}`,
      'file',
    ),
  typeNotAllowed: (filename: string, contentType: string) =>
    new DomainError(
      'bad_request',
      AttachmentErrorCode.TypeNotAllowed,
      `file: "${filename}" is of a type that is not accepted (${contentType}); send images, PDFs, text, office documents or zip files`,
      'file',
    ),
  empty: (filename: string) => new DomainError('bad_request', AttachmentErrorCode.Empty, `file: "${filename}" is empty`, 'file'),
  noFile: () => new DomainError('bad_request', AttachmentErrorCode.NoFile, 'file: is required (send multipart/form-data with one or more "file" parts)', 'file'),
  tooManyFiles: (max: number) =>
    new DomainError('bad_request', AttachmentErrorCode.TooManyFiles, `file: at most ${max} files per upload`, 'file'),
  notMultipart: () =>
    new DomainError('bad_request', AttachmentErrorCode.NotMultipart, 'file: send the upload as multipart/form-data', 'file'),
  notLinkable: () =>
    new DomainError(
      'bad_request',
      AttachmentErrorCode.NotLinkable,
      'attachmentIds: each attachment must be one you uploaded and not yet attached to a message',
      'attachmentIds',
    ),
};
