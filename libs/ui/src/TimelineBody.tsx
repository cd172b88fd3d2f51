export interface TimelineBodyProps {
  /** Plain text: shown when there is no HTML, and as the preview of a long entry. */
  body: string;
  /**
   * Sanitized HTML from the API (its allow-list drops script, iframes, event handlers and unsafe
   * links before anything is stored or sent). Rendered as HTML only because the server sanitized it;
   * never pass HTML from anywhere else.
   */
  html?: string;
  showMore: string;
  showLess: string;
  /** Bodies longer than this collapse behind a <details>, which works without JavaScript. */
  collapseAfter?: number;
}

export const LONG_ENTRY_CHARS = 1200;
const PREVIEW_CHARS = 480;

function Full({ body, html }: { body: string; html?: string }) {
  if (html) return <div className="sb-entry__text sb-entry__html" dangerouslySetInnerHTML={{ __html: html }} />;
  return <div className="sb-entry__text">{body}</div>;
}

export function TimelineBody({ body, html, showMore, showLess, collapseAfter = LONG_ENTRY_CHARS }: TimelineBodyProps) {
  if (body.length <= collapseAfter) return <Full body={body} html={html} />;
  return (
    <details className="sb-entry__long">
      <summary>
        <span className="sb-entry__preview">{preview(body)}</span>
        <span className="sb-entry__toggle sb-entry__toggle--more">
          {showMore} ({body.length.toLocaleString('en-US')} characters)
        </span>
        <span className="sb-entry__toggle sb-entry__toggle--less">{showLess}</span>
      </summary>
      <Full body={body} html={html} />
    </details>
  );
}

function preview(body: string): string {
  const cut = body.slice(0, PREVIEW_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${space > PREVIEW_CHARS * 0.6 ? cut.slice(0, space) : cut}…`;
}
