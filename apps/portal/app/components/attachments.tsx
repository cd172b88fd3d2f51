export interface AttachmentView {
  id: number;
  filename: string;
  contentType: string;
  size: number;
}

const PREVIEWABLE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

function sizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

/** Files on a message: image thumbnails that open the picture, other files as download links with their size. */
export function Attachments({ items }: { items: AttachmentView[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="attachments" data-testid="attachments">
      {[...items.filter((a) => PREVIEWABLE.has(a.contentType)), ...items.filter((a) => !PREVIEWABLE.has(a.contentType))].map((a) => {
        const url = `/attachments/${a.id}`;
        return PREVIEWABLE.has(a.contentType) ? (
          <li key={a.id} className="attachments__image">
            <a href={url} target="_blank" rel="noopener" data-testid="attachment" data-attachment-id={a.id} title={a.filename}>
              <img src={url} alt={a.filename} loading="lazy" />
            </a>
          </li>
        ) : (
          <li key={a.id} className="attachments__file">
            <a href={url} download={a.filename} data-testid="attachment" data-attachment-id={a.id}>
              {a.filename}
            </a>{' '}
            <span className="attachments__size">{sizeLabel(a.size)}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** The file picker of the new-ticket and reply forms (the form must be multipart/form-data). */
export function FilePicker({ id, error, limit }: { id: string; error?: string; limit: string }) {
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>Attachments</label>
      <p className="field__hint" id={`${id}-hint`}>
        Optional: screenshots, PDFs, text or office files, up to {limit} each.
      </p>
      <input
        id={id}
        type="file"
        name="files"
        multiple
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ')}
      />
      {error ? (
        <p className="field__error" id={`${id}-error`} data-testid={`error-${id}`}>
          {error} Please choose the files again.
        </p>
      ) : null}
    </div>
  );
}
