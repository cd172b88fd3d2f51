import type { Level, SlaTargetTimes, TicketStatus } from '@switchboard/contracts';

export interface PolicyRecord {
  id: number;
  name: string;
  calendarId: number;
  businessTime: boolean;
  targets: SlaTargetTimes[];
  pauseStatuses: TicketStatus[];
  warnPercent: number;
  escalateUrgency: boolean;
  escalateTeamId: number | null;
  escalateAssigneeId: number | null;
  isDefault: boolean;
  assignments: { companyId: number | null; issueTypeId: number | null }[];
}

export interface PolicyChoice {
  policy: PolicyRecord;
  /** Why it applies, for the ticket page. */
  reason: string;
}

export interface TicketScope {
  companyId: number | null;
  companyName: string | null;
  issueTypeId: number | null;
  issueTypeName: string | null;
}

/**
 * The most specific policy wins: one assigned to the ticket's company and issue type, then one assigned to
 * its company, then one assigned to its issue type, then the default policy. Ties (an admin assigned two
 * policies to the same scope) go to the lower id, so the choice never flips between runs.
 */
export function choosePolicy(policies: PolicyRecord[], scope: TicketScope): PolicyChoice {
  const ordered = [...policies].sort((a, b) => a.id - b.id);
  const company = scope.companyName ?? `#${scope.companyId}`;
  const type = scope.issueTypeName ?? `#${scope.issueTypeId}`;
  const find = (companyId: number | null, issueTypeId: number | null) =>
    ordered.find((p) => p.assignments.some((a) => a.companyId === companyId && a.issueTypeId === issueTypeId));
  if (scope.companyId && scope.issueTypeId) {
    const both = find(scope.companyId, scope.issueTypeId);
    if (both) return { policy: both, reason: `assigned to company ${company} for issue type ${type}` };
  }
  if (scope.companyId) {
    const byCompany = find(scope.companyId, null);
    if (byCompany) return { policy: byCompany, reason: `assigned to company ${company}` };
  }
  if (scope.issueTypeId) {
    const byType = find(null, scope.issueTypeId);
    if (byType) return { policy: byType, reason: `assigned to issue type ${type}` };
  }
  const fallback = ordered.find((p) => p.isDefault) ?? ordered[0];
  if (!fallback) throw new Error('no SLA policy exists; the migrations create a default one');
  return { policy: fallback, reason: 'the default policy (nothing more specific is assigned)' };
}

/** The policy's row for an urgency x importance pair; a policy without that row falls back to its slowest row. */
export function targetTimes(policy: PolicyRecord, urgency: Level, importance: Level): SlaTargetTimes {
  const row = policy.targets.find((t) => t.urgency === urgency && t.importance === importance);
  if (row) return row;
  return [...policy.targets].sort((a, b) => b.resolutionMinutes - a.resolutionMinutes)[0];
}
