import { statusLabel } from '../labels';

/** The status as words (colour only reinforces it). */
export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge badge--${status}`} data-testid="status-badge" data-status={status}>
      {statusLabel(status)}
    </span>
  );
}
