import { statusLabel, type Viewer } from './labels.js';

export interface StatusBadgeProps {
  status: string;
  /** Staff and customers name some states differently ("Waiting on customer" / "Waiting on you"). */
  viewer?: Viewer;
  className?: string;
  'data-testid'?: string;
}

export function StatusBadge({ status, viewer = 'agent', className, 'data-testid': testId }: StatusBadgeProps) {
  return (
    <span className={cx('sb-status', `sb-status--${status.replace(/_/g, '-')}`, className)} data-status={status} data-testid={testId}>
      {statusLabel(status, viewer)}
    </span>
  );
}

function cx(...names: Array<string | undefined | false>) {
  return names.filter(Boolean).join(' ');
}
