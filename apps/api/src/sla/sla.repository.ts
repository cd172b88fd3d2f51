import { Injectable } from '@nestjs/common';
import type { Level, SlaMetric, TicketStatus } from '@switchboard/contracts';
import { SYSTEM_USER_EMAIL } from '@switchboard/migrations';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import type { BusinessHours, OpeningSpan } from './business-time.js';
import type { PolicyRecord } from './policy-selection.js';
import type { TargetRow } from './target-revision.js';

/** The ticket facts the SLA code reads (straight from the tickets table; no model crosses the module edge). */
export interface TicketFacts {
  id: number;
  subject: string;
  status: TicketStatus;
  urgency: Level;
  importance: Level;
  channel: string;
  companyId: number | null;
  companyName: string | null;
  issueTypeId: number | null;
  issueTypeName: string | null;
  assigneeId: number | null;
  teamId: number | null;
  createdAt: Date;
  resolvedAt: Date | null;
}

export interface Recipient {
  id: number;
  email: string;
  name: string;
}

/** tickets.sla_due_at when no target runs (the column's default): sorts after every real due time. */
export const NO_DUE_SQL = '9999-12-31 23:59:59.000';

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

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

/** Every SQL statement of the SLA module. */
@Injectable()
export class SlaRepository {
  constructor(private readonly sequelize: Sequelize) {}

  private select<T extends object>(sql: string, replacements: unknown[], transaction?: Transaction): Promise<T[]> {
    return this.sequelize.query<T>(sql, { replacements, type: QueryTypes.SELECT, transaction });
  }

  async ticket(id: number, transaction?: Transaction): Promise<TicketFacts | null> {
    const rows = await this.select<Record<string, unknown>>(
      `SELECT t.id, t.subject, t.status, t.urgency, t.importance, t.channel, t.company_id AS companyId, c.name AS companyName,
              t.issue_type_id AS issueTypeId, it.name AS issueTypeName, t.assignee_id AS assigneeId, t.team_id AS teamId,
              t.created_at AS createdAt, t.resolved_at AS resolvedAt
       FROM tickets t LEFT JOIN companies c ON c.id = t.company_id LEFT JOIN issue_types it ON it.id = t.issue_type_id
       WHERE t.id = ?`,
      [id],
      transaction,
    );
    const r = rows[0];
    return r ? ({ ...r, createdAt: date(r.createdAt)!, resolvedAt: date(r.resolvedAt) } as TicketFacts) : null;
  }

  /** Locks the ticket row only (not the joined rows), so two events about one ticket apply one after the other. */
  async lockTicket(id: number, transaction: Transaction) {
    await this.select('SELECT id FROM tickets WHERE id = ? FOR UPDATE', [id], transaction);
  }

  async policies(transaction?: Transaction): Promise<PolicyRecord[]> {
    const rows = await this.select<Record<string, unknown>>(
      `SELECT id, name, calendar_id AS calendarId, business_time AS businessTime, targets, pause_statuses AS pauseStatuses,
              warn_percent AS warnPercent, escalate_urgency AS escalateUrgency, escalate_team_id AS escalateTeamId,
              escalate_assignee_id AS escalateAssigneeId, is_default AS isDefault
       FROM sla_policies ORDER BY id`,
      [],
      transaction,
    );
    const assignments = await this.select<{ policyId: number; companyId: number | null; issueTypeId: number | null }>(
      'SELECT policy_id AS policyId, company_id AS companyId, issue_type_id AS issueTypeId FROM sla_policy_assignments ORDER BY id',
      [],
      transaction,
    );
    return rows.map((r) => ({
      id: Number(r.id),
      name: String(r.name),
      calendarId: Number(r.calendarId),
      businessTime: Boolean(Number(r.businessTime)),
      targets: json(r.targets),
      pauseStatuses: json(r.pauseStatuses),
      warnPercent: Number(r.warnPercent),
      escalateUrgency: Boolean(Number(r.escalateUrgency)),
      escalateTeamId: r.escalateTeamId === null ? null : Number(r.escalateTeamId),
      escalateAssigneeId: r.escalateAssigneeId === null ? null : Number(r.escalateAssigneeId),
      isDefault: Boolean(Number(r.isDefault)),
      assignments: assignments
        .filter((a) => Number(a.policyId) === Number(r.id))
        .map((a) => ({ companyId: a.companyId === null ? null : Number(a.companyId), issueTypeId: a.issueTypeId === null ? null : Number(a.issueTypeId) })),
    }));
  }

  async calendars(transaction?: Transaction) {
    const rows = await this.select<{ id: number; name: string; timezone: string; weekly: unknown }>(
      'SELECT id, name, timezone, weekly FROM business_calendars ORDER BY id',
      [],
      transaction,
    );
    const holidays = await this.select<{ calendarId: number; day: string | Date; name: string }>(
      "SELECT calendar_id AS calendarId, DATE_FORMAT(day, '%Y-%m-%d') AS day, name FROM business_holidays ORDER BY day",
      [],
      transaction,
    );
    return rows.map((r) => ({
      id: Number(r.id),
      name: r.name,
      timezone: r.timezone,
      weekly: json<OpeningSpan[]>(r.weekly),
      holidays: holidays.filter((h) => Number(h.calendarId) === Number(r.id)).map((h) => ({ date: String(h.day), name: h.name })),
    }));
  }

  async hours(calendarId: number, transaction?: Transaction): Promise<BusinessHours> {
    const calendar = (await this.calendars(transaction)).find((c) => c.id === calendarId);
    if (!calendar) throw new Error(`business calendar #${calendarId} is missing`);
    return { timezone: calendar.timezone, weekly: calendar.weekly, holidays: calendar.holidays.map((h) => h.date) };
  }

  async targets(ticketId: number, transaction?: Transaction): Promise<TargetRow[]> {
    const rows = await this.select<Record<string, unknown>>(
      `SELECT ${TARGET_COLUMNS} FROM ticket_sla_targets WHERE ticket_id = ? ORDER BY metric, seq`,
      [ticketId],
      transaction,
    );
    return rows.map(toTargetRow);
  }

  async targetsFor(ticketIds: number[]): Promise<Map<number, TargetRow[]>> {
    const out = new Map<number, TargetRow[]>();
    if (ticketIds.length === 0) return out;
    const rows = await this.select<Record<string, unknown>>(
      `SELECT ticket_id AS ticketId, ${TARGET_COLUMNS} FROM ticket_sla_targets WHERE ticket_id IN (?) ORDER BY ticket_id, metric, seq`,
      [ticketIds],
    );
    for (const r of rows) {
      const id = Number(r.ticketId);
      out.set(id, [...(out.get(id) ?? []), toTargetRow(r)]);
    }
    return out;
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
    const rows = await this.select<{ policyId: number; policyName: string; reason: string; nextDueAt: unknown }>(
      `SELECT s.policy_id AS policyId, p.name AS policyName, s.reason, s.next_due_at AS nextDueAt
       FROM ticket_slas s JOIN sla_policies p ON p.id = s.policy_id WHERE s.ticket_id = ?`,
      [ticketId],
    );
    return rows[0] ? { ...rows[0], policyId: Number(rows[0].policyId), nextDueAt: date(rows[0].nextDueAt) } : null;
  }

  async ticketSlas(ticketIds: number[]) {
    if (ticketIds.length === 0) return [];
    const rows = await this.select<{ ticketId: number; policyId: number; policyName: string; reason: string; nextDueAt: unknown }>(
      `SELECT s.ticket_id AS ticketId, s.policy_id AS policyId, p.name AS policyName, s.reason, s.next_due_at AS nextDueAt
       FROM ticket_slas s JOIN sla_policies p ON p.id = s.policy_id WHERE s.ticket_id IN (?)`,
      [ticketIds],
    );
    return rows.map((r) => ({ ...r, ticketId: Number(r.ticketId), policyId: Number(r.policyId), nextDueAt: date(r.nextDueAt) }));
  }

  async entryTime(entryId: number): Promise<Date | null> {
    const rows = await this.select<{ createdAt: unknown }>('SELECT created_at AS createdAt FROM ticket_entries WHERE id = ?', [entryId]);
    return rows[0] ? date(rows[0].createdAt) : null;
  }

  /** The first public staff reply (not the system user's) written after `at`, if any. */
  async firstAgentReplyAfter(ticketId: number, at: Date, transaction?: Transaction): Promise<Date | null> {
    const rows = await this.select<{ createdAt: unknown }>(
      `SELECT e.created_at AS createdAt FROM ticket_entries e JOIN users u ON u.id = e.author_id
       WHERE e.ticket_id = ? AND e.kind = 'reply' AND e.visibility = 'public' AND e.created_at > ?
         AND u.role <> 'customer' AND u.email <> ? ORDER BY e.created_at LIMIT 1`,
      [ticketId, at, SYSTEM_USER_EMAIL],
      transaction,
    );
    return rows[0] ? date(rows[0].createdAt) : null;
  }

  /** Who an entry's author is: staff replies meet response targets; the system user's never do. */
  async author(userId: number): Promise<{ role: string; email: string } | null> {
    const rows = await this.select<{ role: string; email: string }>('SELECT role, email FROM users WHERE id = ?', [userId]);
    return rows[0] ?? null;
  }

  // --- firing -------------------------------------------------------------------------------------

  /** Marks a target breached, once: only if it is still running and due (the WHERE decides, under races). */
  async markBreached(targetId: number, now: Date, transaction: Transaction): Promise<boolean> {
    const [, affected] = (await this.sequelize.query(
      `UPDATE ticket_sla_targets SET breached_at = ?, active_warn_at = NULL
       WHERE id = ? AND breached_at IS NULL AND met_at IS NULL AND paused_at IS NULL AND due_at <= ?`,
      { replacements: [now, targetId, now], transaction, type: QueryTypes.UPDATE },
    )) as unknown as [unknown, number];
    return affected === 1;
  }

  /** Marks a target warned, once, if it is still running and past its warning time. */
  async markWarned(targetId: number, now: Date, transaction: Transaction): Promise<boolean> {
    const [, affected] = (await this.sequelize.query(
      `UPDATE ticket_sla_targets SET warned_at = ?, active_warn_at = NULL
       WHERE id = ? AND warned_at IS NULL AND breached_at IS NULL AND met_at IS NULL AND paused_at IS NULL AND warn_at <= ?`,
      { replacements: [now, targetId, now], transaction, type: QueryTypes.UPDATE },
    )) as unknown as [unknown, number];
    return affected === 1;
  }

  async target(targetId: number, transaction?: Transaction) {
    const rows = await this.select<Record<string, unknown>>(
      `SELECT ticket_id AS ticketId, ${TARGET_COLUMNS} FROM ticket_sla_targets WHERE id = ?`,
      [targetId],
      transaction,
    );
    return rows[0] ? { ticketId: Number(rows[0].ticketId), ...toTargetRow(rows[0]) } : null;
  }

  /** Running targets past due and not yet breached: an index range over (breached_at, active_due_at). */
  async dueForBreach(now: Date, limit: number): Promise<number[]> {
    const rows = await this.select<{ id: number }>(
      'SELECT id FROM ticket_sla_targets WHERE breached_at IS NULL AND active_due_at <= ? ORDER BY active_due_at LIMIT ?',
      [now, limit],
    );
    return rows.map((r) => Number(r.id));
  }

  async dueForWarning(now: Date, limit: number): Promise<number[]> {
    const rows = await this.select<{ id: number }>(
      'SELECT id FROM ticket_sla_targets WHERE active_warn_at <= ? ORDER BY active_warn_at LIMIT ?',
      [now, limit],
    );
    return rows.map((r) => Number(r.id));
  }

  /** Open tickets created since `since` that have no SLA yet (their event was lost with a crash). */
  async withoutSla(since: Date, limit: number): Promise<number[]> {
    const rows = await this.select<{ id: number }>(
      `SELECT t.id FROM tickets t LEFT JOIN ticket_slas s ON s.ticket_id = t.id
       WHERE t.created_at >= ? AND s.ticket_id IS NULL AND t.status NOT IN ('resolved', 'closed') ORDER BY t.created_at LIMIT ?`,
      [since, limit],
    );
    return rows.map((r) => Number(r.id));
  }

  async managers(transaction?: Transaction): Promise<Recipient[]> {
    return this.select<Recipient>("SELECT id, email, name FROM users WHERE role = 'manager' ORDER BY id", [], transaction);
  }

  async user(id: number, transaction?: Transaction): Promise<Recipient | null> {
    return (await this.select<Recipient>('SELECT id, email, name FROM users WHERE id = ?', [id], transaction))[0] ?? null;
  }

  /** One row per recipient, at most once per target, kind and recipient; returns the recipients whose row is new. */
  async recordNotifications(targetId: number, ticketId: number, kind: 'warning' | 'breach', recipients: Recipient[], transaction: Transaction) {
    const fresh: Recipient[] = [];
    for (const r of recipients) {
      const [, meta] = (await this.sequelize.query(
        'INSERT IGNORE INTO sla_notifications (target_id, ticket_id, kind, recipient_id) VALUES (?, ?, ?, ?)',
        { replacements: [targetId, ticketId, kind, r.id], transaction },
      )) as unknown as [unknown, { affectedRows?: number }];
      if (Number(meta?.affectedRows ?? 0) === 1) fresh.push(r);
    }
    return fresh;
  }

  // --- recompute after a settings change ------------------------------------------------------------

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
    return (await this.select<{ id: number }>(sql, params)).map((r) => Number(r.id));
  }
}

export interface RecomputeScope {
  policyId?: number;
  calendarId?: number;
  requesterId?: number;
}
