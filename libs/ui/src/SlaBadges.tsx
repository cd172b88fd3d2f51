import type { TicketSla } from '@switchboard/contracts';
import { slaBadges } from './sla-badge.js';

export interface SlaBadgesProps {
  sla: TicketSla | null | undefined;
  now: string;
  /** Long sentences (the ticket page) instead of short chips (queue rows). */
  detailed?: boolean;
}

/** A countdown badge per running SLA target: green running, amber approaching, red breached (how long overdue), grey paused. */
export function SlaBadges({ sla, now, detailed = false }: SlaBadgesProps) {
  const badges = slaBadges(sla, now);
  if (badges.length === 0) return null;
  return (
    <span className="sb-sla-badges" data-testid="sla-badges">
      {badges.map((b) => (
        <span key={b.metric} className={`sb-sla sb-sla--${b.state}`} data-testid="sla-badge" data-metric={b.metric} data-state={b.state} title={b.long}>
          {detailed ? b.long : b.short}
        </span>
      ))}
    </span>
  );
}
