import { Link } from '@remix-run/react';
import type { BulkUpdateResult } from '@switchboard/contracts';

/** "12 updated, 2 failed", then why each failure failed. */
export function BulkSummary({ result, error }: { result?: BulkUpdateResult; error?: string }) {
  if (error) {
    return (
      <p className="sb-alert sb-alert--error" role="alert" data-testid="bulk-summary">
        {error}
      </p>
    );
  }
  if (!result) return null;
  const { updated, failed } = result;
  const headline = `${updated.length} updated${failed.length ? `, ${failed.length} failed` : ''}`;
  return (
    <div className={`sb-alert sb-alert--${failed.length ? 'error' : 'success'}`} role="status" data-testid="bulk-summary">
      <strong>{headline}</strong>
      {failed.length ? (
        <ul className="sb-bulk-failures">
          {failed.map((f) => (
            <li key={f.id} data-testid="bulk-failure" data-ticket-id={f.id}>
              <Link to={`/tickets/${f.id}`}>#{f.id}</Link> {f.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
