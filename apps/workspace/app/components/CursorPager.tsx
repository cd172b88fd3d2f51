import { Link } from '@remix-run/react';
import { queueHref, type QueueFilters } from '@switchboard/ui';

export interface CursorPagerProps {
  filters: QueueFilters;
  total: number;
  shown: number;
  nextCursor: string | null;
  /** True when this page was reached through a cursor. */
  paged: boolean;
  path?: string;
}

/** Keyset paging: "Next" follows nextCursor; "First page" starts over (no offset arithmetic to drift). */
export function CursorPager({ filters, total, shown, nextCursor, paged, path = '/tickets' }: CursorPagerProps) {
  return (
    <nav className="sb-pagination" aria-label="Pages" data-testid="pagination">
      <span className="sb-pagination__summary">
        {total === 0 ? 'No tickets' : `${shown} shown of ${total.toLocaleString('en-US')} tickets`}
      </span>
      <span className="sb-pagination__links">
        {paged ? (
          <Link to={queueHref(filters, {}, path)} className="sb-button sb-button--small" data-testid="page-first">
            ← First page
          </Link>
        ) : null}
        {nextCursor ? (
          <Link to={queueHref(filters, { cursor: nextCursor }, path)} rel="next" className="sb-button sb-button--small" data-testid="page-next">
            Next →
          </Link>
        ) : (
          <span className="sb-button sb-button--small" aria-disabled="true">
            Next →
          </span>
        )}
      </span>
    </nav>
  );
}
