import { derivePriority, priorityBand, type Level } from '@switchboard/contracts';
import { levelLabel } from './labels.js';

export interface PriorityBadgeProps {
  urgency: Level;
  importance: Level;
  /** Also spell out both dimensions ("Urgency Critical · Importance High"), e.g. in a ticket header. */
  detailed?: boolean;
  className?: string;
}

const BAND_LABELS = { top: 'Top', high: 'High', normal: 'Normal', low: 'Low' } as const;

/**
 * Priority is two dimensions (urgency: how soon; importance: how much impact), shown as one band
 * with marks for the critical ends: ⚡ critical urgency, ◎ critical importance. Both critical is the top band (red).
 */
export function PriorityBadge({ urgency, importance, detailed = false, className }: PriorityBadgeProps) {
  const band = priorityBand(urgency, importance);
  const score = derivePriority(urgency, importance);
  const description = `Priority ${BAND_LABELS[band]} (${score} of 16): urgency ${levelLabel(urgency)}, importance ${levelLabel(importance)}`;
  return (
    <span
      className={['sb-priority', `sb-priority--${band}`, className].filter(Boolean).join(' ')}
      data-band={band}
      data-urgency={urgency}
      data-importance={importance}
      title={description}
    >
      {urgency === 'critical' && (
        <span className="sb-priority__mark" aria-hidden="true" title="Critical urgency">
          ⚡
        </span>
      )}
      {importance === 'critical' && (
        <span className="sb-priority__mark" aria-hidden="true" title="Critical importance">
          ◎
        </span>
      )}
      <span aria-hidden="true">{BAND_LABELS[band]}</span>
      {detailed && (
        <span className="sb-priority__detail" aria-hidden="true">
          Urgency {levelLabel(urgency)} · Importance {levelLabel(importance)}
        </span>
      )}
      <span className="sb-visually-hidden">{description}</span>
    </span>
  );
}
