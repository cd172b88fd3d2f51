import type { TicketSla } from '@switchboard/contracts';
import { useEffect, useState } from 'react';
import { slaBadges } from './sla-badge.js';

export interface SlaBadgesProps {
  sla: TicketSla | null | undefined;
  /** The loader's time: server and first client render agree on it; the badges then count down every 30 s. */
  now: string;
  /** Long sentences (the ticket page) instead of short chips (queue rows). */
  detailed?: boolean;
}

const TICK_MS = 30_000;

/** A countdown badge per running SLA target: green running, amber approaching, red breached (how long overdue), grey paused. */
export function SlaBadges({ sla, now, detailed = false }: SlaBadgesProps) {
  const [at, setAt] = useState(now);
  useEffect(() => {
    setAt(now);
    const shift = Date.now() - new Date(now).getTime();
    // Counted from the server's time, so a client clock that is off does not move the badges.
    const timer = setInterval(() => setAt(new Date(Date.now() - shift).toISOString()), TICK_MS);
    return () => clearInterval(timer);
  }, [now]);
  const badges = slaBadges(sla, at);
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
