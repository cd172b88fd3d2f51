export interface TimelineBodyProps {
  body: string;
  showMore: string;
  showLess: string;
  /** Bodies longer than this collapse behind a <details>, which works without JavaScript. */
  collapseAfter?: number;
}

export const LONG_ENTRY_CHARS = 1200;
const PREVIEW_CHARS = 480;

export function TimelineBody({ body, showMore, showLess, collapseAfter = LONG_ENTRY_CHARS }: TimelineBodyProps) {
  if (body.length <= collapseAfter) return <div className="sb-entry__text">{body}</div>;
  return (
    <details className="sb-entry__long">
      <summary>
        <span className="sb-entry__preview">{preview(body)}</span>
        <span className="sb-entry__toggle sb-entry__toggle--more">
          {showMore} ({body.length.toLocaleString('en-US')} characters)
        </span>
        <span className="sb-entry__toggle sb-entry__toggle--less">{showLess}</span>
      </summary>
      <div className="sb-entry__text">{body}</div>
    </details>
  );
}

function preview(body: string): string {
  const cut = body.slice(0, PREVIEW_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${space > PREVIEW_CHARS * 0.6 ? cut.slice(0, space) : cut}…`;
}
