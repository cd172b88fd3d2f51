import type { SlaMetric, SlaTargetState, TicketStatus } from '@switchboard/contracts';
import type { CountedTime } from './counted-time.js';

/** One row of ticket_sla_targets, as the SLA code reasons about it. */
export interface TargetRow {
  id?: number;
  metric: SlaMetric;
  seq: number;
  policyId: number;
  targetMinutes: number;
  startedAt: Date;
  dueAt: Date;
  warnAt: Date;
  pausedAt: Date | null;
  pausedMs: number;
  activeDueAt: Date | null;
  activeWarnAt: Date | null;
  warnedAt: Date | null;
  metAt: Date | null;
  breachedAt: Date | null;
}

export interface RevisionContext {
  now: Date;
  status: TicketStatus;
  /** When the ticket was resolved, if it is: the resolution target is met then. */
  resolvedAt: Date | null;
  policyId: number;
  minutes: Record<SlaMetric, number>;
  pauseStatuses: TicketStatus[];
  warnPercent: number;
  time: CountedTime;
  /** When a public reply by an agent was written: response targets running by then are met at that time. */
  agentRepliedAt: Date | null;
}

const DONE: TicketStatus[] = ['resolved', 'closed'];

/**
 * A target brought up to date with its ticket: met, paused, resumed or reopened, and its due and warning
 * times recomputed from its start, its (current) target and the paused time, counted as its policy counts.
 * A breach stays recorded even when a recompute moves the due time later: it happened. A met target
 * is not recomputed at all.
 */
export function reviseTarget(row: TargetRow, ctx: RevisionContext): TargetRow {
  const done = DONE.includes(ctx.status);
  // A met target is decided: its due time, target and policy stay what they were when it was met, so a
  // later change (urgency, policy, calendar) never rewrites an outcome. Only a reopen revives resolution.
  if (row.metAt && (row.metric !== 'resolution' || done)) return withActiveTimes(row);
  const next = { ...row, policyId: ctx.policyId, targetMinutes: ctx.minutes[row.metric] };
  if (row.metric === 'resolution') {
    if (done) {
      if (next.pausedAt) {
        next.pausedMs += ctx.time.between(next.pausedAt, ctx.now);
        next.pausedAt = null;
      }
      next.metAt ??= ctx.resolvedAt ?? ctx.now;
    } else {
      // Reopened: the time it spent resolved does not count against it.
      if (next.metAt) {
        next.pausedMs += ctx.time.between(next.metAt, ctx.now);
        next.metAt = null;
      }
      const pause = ctx.pauseStatuses.includes(ctx.status);
      if (pause && !next.pausedAt) next.pausedAt = ctx.now;
      if (!pause && next.pausedAt) {
        next.pausedMs += ctx.time.between(next.pausedAt, ctx.now);
        next.pausedAt = null;
      }
    }
  } else if (!next.metAt && ctx.agentRepliedAt && next.startedAt <= ctx.agentRepliedAt) {
    next.metAt = ctx.agentRepliedAt;
  } else if (!next.metAt && done) {
    // Resolving a ticket answers it: a response target still running then is fulfilled.
    next.metAt = ctx.now;
  }
  const targetMs = next.targetMinutes * 60_000;
  next.dueAt = ctx.time.add(next.startedAt, targetMs + next.pausedMs);
  next.warnAt = ctx.time.add(next.startedAt, Math.floor((targetMs * ctx.warnPercent) / 100) + next.pausedMs);
  return withActiveTimes(next);
}

/** active_due_at / active_warn_at: the due and warning times while they can still fire, NULL otherwise. */
export function withActiveTimes(row: TargetRow): TargetRow {
  const running = !row.metAt && !row.pausedAt;
  return {
    ...row,
    activeDueAt: running ? row.dueAt : null,
    activeWarnAt: running && !row.warnedAt && !row.breachedAt ? row.warnAt : null,
  };
}

/** A new target starting now (first response and resolution at creation, next response on a customer message). */
export function newTarget(metric: SlaMetric, seq: number, startedAt: Date, ctx: RevisionContext): TargetRow {
  const blank: TargetRow = {
    metric,
    seq,
    policyId: ctx.policyId,
    targetMinutes: ctx.minutes[metric],
    startedAt,
    dueAt: startedAt,
    warnAt: startedAt,
    pausedAt: null,
    pausedMs: 0,
    activeDueAt: null,
    activeWarnAt: null,
    warnedAt: null,
    metAt: null,
    breachedAt: null,
  };
  return reviseTarget(blank, { ...ctx, agentRepliedAt: null });
}

/** The badge colour of a target at `now`: breached (red), paused (grey), approaching (amber), running (green), met. */
export function targetState(row: Pick<TargetRow, 'metAt' | 'pausedAt' | 'breachedAt' | 'dueAt' | 'warnAt'>, now: Date): SlaTargetState {
  if (row.metAt) return row.breachedAt ? 'breached' : 'met';
  if (row.breachedAt) return 'breached';
  if (row.pausedAt) return 'paused';
  if (row.dueAt <= now) return 'breached';
  if (row.warnAt <= now) return 'approaching';
  return 'running';
}
