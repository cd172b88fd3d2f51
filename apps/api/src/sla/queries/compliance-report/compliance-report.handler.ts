import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ComplianceRow } from '@switchboard/contracts';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { ComplianceReportQuery } from './compliance-report.query.js';

/** [key expression, label expression, joins] per grouping. */
const GROUPS = {
  policy: ['s.policy_id', 'p.name', 'JOIN sla_policies p ON p.id = s.policy_id'],
  team: ['t.team_id', "COALESCE(tm.name, 'No team')", 'LEFT JOIN teams tm ON tm.id = t.team_id'],
  agent: ['t.assignee_id', "COALESCE(u.name, 'Unassigned')", 'LEFT JOIN users u ON u.id = t.assignee_id'],
  company: ['t.company_id', "COALESCE(c.name, 'No company')", 'LEFT JOIN companies c ON c.id = t.company_id'],
  month: ["DATE_FORMAT(s.due_at, '%Y-%m')", "DATE_FORMAT(s.due_at, '%Y-%m')", ''],
} as const;

/** Breached: recorded as breached, or met after its due time (met in the minute before the reconciliation caught it). */
const LATE = '(s.breached_at IS NOT NULL OR s.met_at > s.due_at)';

/**
 * Decided targets only: met in time (met, never breached) or breached (late or still open past due).
 * Running targets are not counted yet. The period is over the due time (the promise's date).
 */
@QueryHandler(ComplianceReportQuery)
export class ComplianceReportHandler implements IQueryHandler<ComplianceReportQuery, ComplianceRow[]> {
  constructor(private readonly sequelize: Sequelize) {}

  async execute({ input }: ComplianceReportQuery): Promise<ComplianceRow[]> {
    const [key, label, join] = GROUPS[input.groupBy];
    const where = ['(s.met_at IS NOT NULL OR s.breached_at IS NOT NULL)'];
    const params: unknown[] = [];
    if (input.metric) (where.push('s.metric = ?'), params.push(input.metric));
    if (input.from) (where.push('s.due_at >= ?'), params.push(new Date(`${input.from}T00:00:00Z`)));
    if (input.to) (where.push('s.due_at < ?'), params.push(new Date(new Date(`${input.to}T00:00:00Z`).getTime() + 86_400_000)));
    const rows = await this.sequelize.query<{ k: string | number | null; label: string; met: number; breached: number }>(
      `SELECT ${key} AS k, ${label} AS label,
              SUM(CASE WHEN ${LATE} THEN 0 ELSE 1 END) AS met,
              SUM(CASE WHEN ${LATE} THEN 1 ELSE 0 END) AS breached
       FROM ticket_sla_targets s JOIN tickets t ON t.id = s.ticket_id ${join}
       WHERE ${where.join(' AND ')}
       GROUP BY ${key}, ${label} ORDER BY ${label}`,
      { replacements: params, type: QueryTypes.SELECT },
    );
    return rows.map((r) => {
      const met = Number(r.met);
      const breached = Number(r.breached);
      return { key: r.k === null ? null : String(r.k), label: String(r.label), met, breached, rate: met + breached ? met / (met + breached) : null };
    });
  }
}
