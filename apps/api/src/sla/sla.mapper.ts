import type { SlaTarget, TicketSla } from '@switchboard/contracts';
import { targetState, type TargetRow } from './target-revision.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toSlaTarget(row: TargetRow, now: Date): SlaTarget {
  return {
    metric: row.metric,
    seq: row.seq,
    state: targetState(row, now),
    targetMinutes: row.targetMinutes,
    startedAt: row.startedAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    warnAt: row.warnAt.toISOString(),
    pausedAt: iso(row.pausedAt),
    pausedMs: row.pausedMs,
    metAt: iso(row.metAt),
    breachedAt: iso(row.breachedAt),
  };
}

/** First response and resolution, and only the latest next response (earlier ones are history for the reports). */
export function toTicketSla(
  ticketId: number,
  sla: { policyId: number; policyName: string; reason: string; nextDueAt: Date | null },
  rows: TargetRow[],
  now: Date,
): TicketSla {
  const latestNext = rows.filter((r) => r.metric === 'next_response').sort((a, b) => b.seq - a.seq)[0];
  const shown = rows.filter((r) => r.metric !== 'next_response' || r === latestNext);
  const order = { first_response: 0, next_response: 1, resolution: 2 };
  return {
    ticketId,
    policyId: sla.policyId,
    policyName: sla.policyName,
    reason: sla.reason,
    nextDueAt: iso(sla.nextDueAt),
    targets: shown.sort((a, b) => order[a.metric] - order[b.metric]).map((r) => toSlaTarget(r, now)),
  };
}
