import type { Attachment } from '@switchboard/contracts';
import { Icon } from './Icon.js';

export interface TimelineAttachmentsProps {
  attachments: readonly Attachment[] | undefined;
  /**
   * Where the browser fetches a file. The API wants a bearer token the browser does not have, so
   * each app serves the bytes through its own route; the default is both apps' `/attachments/:id`.
   */
  attachmentUrl?: (id: number) => string;
}

export const defaultAttachmentUrl = (id: number) => `/attachments/${id}`;

/** Images a browser may preview; the API serves only these inline. */
const PREVIEWABLE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

/** An entry's files: image thumbnails that open the full picture, and other files as links with their size. */
export function TimelineAttachments({ attachments, attachmentUrl = defaultAttachmentUrl }: TimelineAttachmentsProps) {
  if (!attachments || attachments.length === 0) return null;
  const images = attachments.filter((a) => PREVIEWABLE.has(a.contentType));
  const files = attachments.filter((a) => !PREVIEWABLE.has(a.contentType));
  return (
    <div className="sb-attachments" data-testid="attachments">
      {images.length > 0 && (
        <ul className="sb-attachments__images">
          {images.map((a) => (
            <li key={a.id}>
              <a href={attachmentUrl(a.id)} target="_blank" rel="noopener" data-testid="attachment" data-attachment-id={a.id} title={a.filename}>
                <img className="sb-attachments__thumb" src={attachmentUrl(a.id)} alt={a.filename} loading="lazy" />
              </a>
            </li>
          ))}
        </ul>
      )}
      {files.length > 0 && (
        <ul className="sb-attachments__files">
          {files.map((a) => (
            <li key={a.id}>
              <a href={attachmentUrl(a.id)} download={a.filename} data-testid="attachment" data-attachment-id={a.id}>
                <Icon name="paperclip" /> {a.filename}
              </a>{' '}
              <span className="sb-attachments__size">{formatFileSize(a.size)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
