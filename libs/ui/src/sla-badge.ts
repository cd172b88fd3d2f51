import { SLA_METRIC_LABELS, type SlaTarget, type TicketSla } from '@switchboard/contracts';

/** "45m", "2h 5m", "3d 4h": the two largest units, rounded down (a countdown never promises more time than there is). */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days) return hours ? `${days}d ${hours}h` : `${days}d`;
  if (hours) return mins ? `${hours}h ${mins}m` : `${hours}h`;
  return `${mins}m`;
}

export interface SlaBadgeModel {
  metric: SlaTarget['metric'];
  state: 'running' | 'approaching' | 'breached' | 'paused';
  /** Short text for a queue row: "FR 12m", "RES 1h 5m overdue", "RES paused". */
  short: string;
  /** Full sentence for a title / the ticket page: "First response due in 12m (at …)". */
  long: string;
}

const SHORT: Record<SlaTarget['metric'], string> = { first_response: 'FR', next_response: 'NR', resolution: 'RES' };

/**
 * The badges worth showing: one per running target (not met ones), coloured green (running), amber
 * (approaching: past the policy's warning point), red (breached, with how long overdue), grey (paused).
 * The state is recomputed at `now`, so a page rendered later than the API answered stays honest.
 */
export function slaBadges(sla: TicketSla | null | undefined, now: string | Date): SlaBadgeModel[] {
  if (!sla) return [];
  const at = new Date(now).getTime();
  return sla.targets
    .filter((t) => !t.metAt)
    .map((t) => {
      const label = SLA_METRIC_LABELS[t.metric];
      const left = new Date(t.dueAt).getTime() - at;
      if (t.pausedAt && !t.breachedAt) {
        return { metric: t.metric, state: 'paused' as const, short: `${SHORT[t.metric]} paused`, long: `${label} paused (clock stopped while waiting)` };
      }
      if (t.breachedAt || left <= 0) {
        const over = formatDuration(at - new Date(t.dueAt).getTime());
        return { metric: t.metric, state: 'breached' as const, short: `${SHORT[t.metric]} ${over} overdue`, long: `${label} breached: ${over} overdue` };
      }
      const state = new Date(t.warnAt).getTime() <= at ? ('approaching' as const) : ('running' as const);
      return { metric: t.metric, state, short: `${SHORT[t.metric]} ${formatDuration(left)}`, long: `${label} due in ${formatDuration(left)}` };
    });
}
