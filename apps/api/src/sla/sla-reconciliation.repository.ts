import { Injectable } from '@nestjs/common';
import { Sequelize } from 'sequelize-typescript';
import { select } from './sla-sql.js';

export interface RecomputeScope {
  policyId?: number;
  calendarId?: number;
  requesterId?: number;
}

/** The sweeps: targets a lost timer job missed, tickets a lost event left without an SLA, tickets a settings change moves. */
@Injectable()
export class SlaReconciliationRepository {
  constructor(private readonly sequelize: Sequelize) {}

  private async ids(sql: string, params: unknown[]): Promise<number[]> {
    return (await select<{ id: number }>(this.sequelize, sql, params)).map((r) => Number(r.id));
  }

  /** Running targets past due and not yet breached: an index range over (breached_at, active_due_at). */
  async dueForBreach(now: Date, limit: number): Promise<number[]> {
    return this.ids(
      'SELECT id FROM ticket_sla_targets WHERE breached_at IS NULL AND active_due_at <= ? ORDER BY active_due_at LIMIT ?',
      [now, limit],
    );
  }

  async dueForWarning(now: Date, limit: number): Promise<number[]> {
    return this.ids(
      'SELECT id FROM ticket_sla_targets WHERE active_warn_at <= ? ORDER BY active_warn_at LIMIT ?',
      [now, limit],
    );
  }

  /** Open tickets created since `since` that have no SLA yet (their event was lost with a crash). */
  async withoutSla(since: Date, limit: number): Promise<number[]> {
    return this.ids(
      `SELECT t.id FROM tickets t LEFT JOIN ticket_slas s ON s.ticket_id = t.id
       WHERE t.created_at >= ? AND s.ticket_id IS NULL AND t.status NOT IN ('resolved', 'closed') ORDER BY t.created_at LIMIT ?`,
      [since, limit],
    );
  }

  /**
   * Open tickets a settings change may move, after `afterId` (keyset): those under the policy or matching
   * its assignments now (a policy change), those under a policy counted on the calendar (a calendar
   * change), or those a customer opened (their company changed).
   */
  async openTicketsInScope(scope: RecomputeScope, afterId: number, limit: number): Promise<number[]> {
    const open = "t.status NOT IN ('resolved', 'closed') AND t.id > ?";
    let sql: string;
    let params: unknown[];
    if (scope.policyId !== undefined) {
      sql = `SELECT t.id FROM tickets t LEFT JOIN ticket_slas s ON s.ticket_id = t.id
             WHERE ${open} AND (s.policy_id = ?
               OR t.company_id IN (SELECT company_id FROM sla_policy_assignments WHERE policy_id = ? AND company_id IS NOT NULL)
               OR t.issue_type_id IN (SELECT issue_type_id FROM sla_policy_assignments WHERE policy_id = ? AND issue_type_id IS NOT NULL))
             ORDER BY t.id LIMIT ?`;
      params = [afterId, scope.policyId, scope.policyId, scope.policyId, limit];
    } else if (scope.calendarId !== undefined) {
      sql = `SELECT t.id FROM tickets t JOIN ticket_slas s ON s.ticket_id = t.id JOIN sla_policies p ON p.id = s.policy_id
             WHERE ${open} AND p.calendar_id = ? ORDER BY t.id LIMIT ?`;
      params = [afterId, scope.calendarId, limit];
    } else if (scope.requesterId !== undefined) {
      sql = `SELECT t.id FROM tickets t WHERE ${open} AND t.requester_id = ? ORDER BY t.id LIMIT ?`;
      params = [afterId, scope.requesterId, limit];
    } else {
      return [];
    }
    return this.ids(sql, params);
  }
}
