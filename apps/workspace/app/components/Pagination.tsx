import { Link, useLocation } from '@remix-run/react';

export interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  /** What is being counted, e.g. "tickets". */
  noun: string;
}

/** "26–50 of 134 tickets" with previous/next links that keep the other query parameters. */
export function Pagination({ page, pageSize, total, noun }: PaginationProps) {
  const location = useLocation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(location.search);
    if (target <= 1) params.delete('page');
    else params.set('page', String(target));
    const query = params.toString();
    return query ? `${location.pathname}?${query}` : location.pathname;
  };
  return (
    <nav className="sb-pagination" aria-label="Pages" data-testid="pagination">
      <span className="sb-pagination__summary">
        {total === 0
          ? `No ${noun}`
          : from > total
            ? `No ${noun} on this page (${total.toLocaleString('en-US')} in all)`
            : `${from}–${to} of ${total.toLocaleString('en-US')} ${noun}`}
      </span>
      <span className="sb-pagination__links">
        {page > 1 ? (
          <Link to={hrefFor(page - 1)} rel="prev" className="sb-button sb-button--small" data-testid="page-prev">
            ← Previous
          </Link>
        ) : (
          <span className="sb-button sb-button--small" aria-disabled="true">
            ← Previous
          </span>
        )}
        <span className="sb-pagination__page">
          Page {Math.min(page, pages)} of {pages}
        </span>
        {page < pages ? (
          <Link to={hrefFor(page + 1)} rel="next" className="sb-button sb-button--small" data-testid="page-next">
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
