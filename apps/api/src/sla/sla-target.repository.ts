import { Injectable } from '@nestjs/common';
import type { SlaMetric } from '@switchboard/contracts';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { date, select } from './sla-sql.js';
import type { TargetRow } from './target-revision.js';

/** tickets.sla_due_at when no target runs (the column's default): sorts after every real due time. */
export const NO_DUE_SQL = '9999-12-31 23:59:59.000';

const TARGET_COLUMNS = `id, metric, seq, policy_id AS policyId, target_minutes AS targetMinutes, started_at AS startedAt,
  due_at AS dueAt, warn_at AS warnAt, paused_at AS pausedAt, paused_ms AS pausedMs, active_due_at AS activeDueAt,
  active_warn_at AS activeWarnAt, warned_at AS warnedAt, met_at AS metAt, breached_at AS breachedAt`;

export function toTargetRow(r: Record<string, unknown>): TargetRow {
  return {
    id: Number(r.id),
    metric: r.metric as SlaMetric,
    seq: Number(r.seq),
    policyId: Number(r.policyId),
    targetMinutes: Number(r.targetMinutes),
    startedAt: date(r.startedAt)!,
    dueAt: date(r.dueAt)!,
    warnAt: date(r.warnAt)!,
    pausedAt: date(r.pausedAt),
    pausedMs: Number(r.pausedMs),
    activeDueAt: date(r.activeDueAt),
    activeWarnAt: date(r.activeWarnAt),
    warnedAt: date(r.warnedAt),
    metAt: date(r.metAt),
    breachedAt: date(r.breachedAt),
  };
}

/** A ticket's SLA: its targets (ticket_sla_targets) and the policy it runs under (ticket_slas, tickets.sla_due_at). */
@Injectable()
export class SlaTargetRepository {
  constructor(private readonly sequelize: Sequelize) {}

  async targets(ticketId: number, transaction?: Transaction): Promise<TargetRow[]> {
    const rows = await select<Record<string, unknown>>(
      this.sequelize,
      `SELECT ${TARGET_COLUMNS} FROM ticket_sla_targets WHERE ticket_id = ? ORDER BY metric, seq`,
      [ticketId],
      transaction,
    );
    return rows.map(toTargetRow);
  }

  async targetsFor(ticketIds: number[]): Promise<Map<number, TargetRow[]>> {
    const out = new Map<number, TargetRow[]>();
    if (ticketIds.length === 0) return out;
    const rows = await select<Record<string, unknown>>(
      this.sequelize,
      `SELECT ticket_id AS ticketId, ${TARGET_COLUMNS} FROM ticket_sla_targets WHERE ticket_id IN (?) ORDER BY ticket_id, metric, seq`,
      [ticketIds],
    );
    for (const r of rows) {
      const id = Number(r.ticketId);
      out.set(id, [...(out.get(id) ?? []), toTargetRow(r)]);
    }
    return out;
  }

  async target(targetId: number, transaction?: Transaction) {
    const rows = await select<Record<string, unknown>>(
      this.sequelize,
      `SELECT ticket_id AS ticketId, ${TARGET_COLUMNS} FROM ticket_sla_targets WHERE id = ?`,
      [targetId],
      transaction,
    );
    return rows[0] ? { ticketId: Number(rows[0].ticketId), ...toTargetRow(rows[0]) } : null;
  }

  async saveTarget(ticketId: number, row: TargetRow, transaction: Transaction): Promise<number> {
    const values = [
      row.policyId,
      row.targetMinutes,
      row.startedAt,
      row.dueAt,
      row.warnAt,
      row.pausedAt,
      row.pausedMs,
      row.activeDueAt,
      row.activeWarnAt,
      row.metAt,
    ];
    if (row.id) {
      await this.sequelize.query(
        `UPDATE ticket_sla_targets SET policy_id = ?, target_minutes = ?, started_at = ?, due_at = ?, warn_at = ?, paused_at = ?,
           paused_ms = ?, active_due_at = ?, active_warn_at = ?, met_at = ? WHERE id = ?`,
        { replacements: [...values, row.id], transaction },
      );
      return row.id;
    }
    const [id] = (await this.sequelize.query(
      `INSERT INTO ticket_sla_targets (policy_id, target_minutes, started_at, due_at, warn_at, paused_at, paused_ms, active_due_at,
         active_warn_at, met_at, ticket_id, metric, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      { replacements: [...values, ticketId, row.metric, row.seq], transaction, type: QueryTypes.INSERT },
    )) as unknown as [number, number];
    return Number(id);
  }

  /**
   * The policy, why, and the next due time; the due time also goes to tickets.sla_due_at (the queue's indexed
   * "due" sort; far future when nothing runs). Setting updated_at to itself: an SLA revision is not an edit.
   */
  async saveTicketSla(ticketId: number, policyId: number, reason: string, nextDueAt: Date | null, transaction: Transaction) {
    await this.sequelize.query(
      `INSERT INTO ticket_slas (ticket_id, policy_id, reason, next_due_at) VALUES (?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE policy_id = VALUES(policy_id), reason = VALUES(reason), next_due_at = VALUES(next_due_at)`,
      { replacements: [ticketId, policyId, reason.slice(0, 255), nextDueAt], transaction },
    );
    await this.sequelize.query(`UPDATE tickets SET sla_due_at = COALESCE(?, '${NO_DUE_SQL}'), updated_at = updated_at WHERE id = ?`, {
      replacements: [nextDueAt, ticketId],
      transaction,
    });
  }

  async ticketSla(ticketId: number) {
    const rows = await select<{ policyId: number; policyName: string; reason: string; nextDueAt: unknown }>(
      this.sequelize,
      `SELECT s.policy_id AS policyId, p.name AS policyName, s.reason, s.next_due_at AS nextDueAt
       FROM ticket_slas s JOIN sla_policies p ON p.id = s.policy_id WHERE s.ticket_id = ?`,
      [ticketId],
    );
    return rows[0] ? { ...rows[0], policyId: Number(rows[0].policyId), nextDueAt: date(rows[0].nextDueAt) } : null;
  }

  async ticketSlas(ticketIds: number[]) {
    if (ticketIds.length === 0) return [];
    const rows = await select<{ ticketId: number; policyId: number; policyName: string; reason: string; nextDueAt: unknown }>(
      this.sequelize,
      `SELECT s.ticket_id AS ticketId, s.policy_id AS policyId, p.name AS policyName, s.reason, s.next_due_at AS nextDueAt
       FROM ticket_slas s JOIN sla_policies p ON p.id = s.policy_id WHERE s.ticket_id IN (?)`,
      [ticketIds],
    );
    return rows.map((r) => ({ ...r, ticketId: Number(r.ticketId), policyId: Number(r.policyId), nextDueAt: date(r.nextDueAt) }));
  }
}
