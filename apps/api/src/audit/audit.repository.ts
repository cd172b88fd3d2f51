import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/sequelize';
import { QueryTypes, type Transaction } from 'sequelize';
import type { Actor } from '../common/actor.js';
import { insertRow, insertRows } from '../database/insert-row.js';
import { AuditEntryModel } from './audit-entry.model.js';

export interface AuditRecord {
  action: string;
  subjectType: string;
  subjectId: string | number;
  before?: unknown;
  after?: unknown;
}

/** Who, what, before, after, when, from where: written in the transaction of the change itself. */
@Injectable()
export class AuditRepository {
  constructor(@InjectModel(AuditEntryModel) private readonly entries: typeof AuditEntryModel) {}

  async record(actor: Pick<Actor, 'user' | 'ip' | 'userAgent'> | null, record: AuditRecord, transaction: Transaction) {
    await insertRow(this.entries.sequelize!, 'audit_log', auditRow(actor, record), transaction);
  }

  /** Several entries by one actor in one INSERT (a batch of routed tickets), in the change's transaction. */
  async recordMany(actor: Pick<Actor, 'user' | 'ip' | 'userAgent'> | null, records: AuditRecord[], transaction: Transaction) {
    await insertRows(this.entries.sequelize!, 'audit_log', records.map((record) => auditRow(actor, record)), transaction);
  }

  /** When a subject last changed and who changed it, for "changed by Ana 10 s ago" messages. */
  async latestChange(subjectType: string, subjectId: string | number, transaction?: Transaction) {
    const rows = await this.entries.sequelize!.query<{ at: Date; actorName: string | null }>(
      `SELECT a.created_at AS at, u.name AS actorName FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
       WHERE a.subject_type = ? AND a.subject_id = ? ORDER BY a.id DESC LIMIT 1`,
      { replacements: [subjectType, String(subjectId)], type: QueryTypes.SELECT, transaction },
    );
    return rows[0] ? { at: new Date(rows[0].at), actorName: rows[0].actorName } : null;
  }

  /** Every audit row about one subject, oldest first, with the author's name. */
  async forSubject(subjectType: string, subjectId: string | number) {
    const rows = await this.entries.sequelize!.query<AuditRow>(
      `SELECT a.id, a.action, a.actor_id AS actorId, u.name AS actorName, a.before_state AS beforeState,
              a.after_state AS afterState, a.ip, a.user_agent AS userAgent, a.created_at AS createdAt
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
       WHERE a.subject_type = ? AND a.subject_id = ? ORDER BY a.created_at, a.id`,
      { replacements: [subjectType, String(subjectId)], type: QueryTypes.SELECT },
    );
    return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
  }

  /**
   * The newest audit rows with one of these actions (optionally about one user), before an id
   * (keyset paging), with the author's and the subject user's names.
   */
  async byActions(actions: readonly string[], options: { userId?: number; before?: number; limit: number }) {
    const where = ['a.action IN (?)'];
    const replacements: unknown[] = [[...actions]];
    if (options.userId) {
      where.push("a.subject_type = 'User' AND a.subject_id = ?");
      replacements.push(String(options.userId));
    }
    if (options.before) {
      where.push('a.id < ?');
      replacements.push(options.before);
    }
    const rows = await this.entries.sequelize!.query<AuditRow & { subjectType: string; subjectId: string; subjectName: string | null }>(
      `SELECT a.id, a.action, a.actor_id AS actorId, u.name AS actorName, a.before_state AS beforeState,
              a.after_state AS afterState, a.ip, a.user_agent AS userAgent, a.created_at AS createdAt,
              a.subject_type AS subjectType, a.subject_id AS subjectId, s.name AS subjectName
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
       LEFT JOIN users s ON a.subject_type = 'User' AND s.id = a.subject_id
       WHERE ${where.join(' AND ')} ORDER BY a.id DESC LIMIT ${Number(options.limit) + 1}`,
      { replacements, type: QueryTypes.SELECT },
    );
    return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
  }
}

export interface AuditRow {
  id: number;
  action: string;
  actorId: number | null;
  actorName: string | null;
  beforeState: unknown;
  afterState: unknown;
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
}

function auditRow(actor: Pick<Actor, 'user' | 'ip' | 'userAgent'> | null, record: AuditRecord) {
  return {
    actorId: actor?.user.id ?? null,
    action: record.action,
    subjectType: record.subjectType,
    subjectId: String(record.subjectId),
    beforeState: record.before ?? null,
    afterState: record.after ?? null,
    ip: actor?.ip ?? null,
    userAgent: actor?.userAgent?.slice(0, 255) ?? null,
  };
}
