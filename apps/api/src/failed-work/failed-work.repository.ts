import { Injectable } from '@nestjs/common';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import type { OutboxStatus } from '../outbox/outbox-event.model.js';

export interface FailedRow {
  id: number;
  topic: string;
  ticketId: string | number | null;
  subject: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  failedAt: Date | null;
}

export interface Admin {
  id: number;
  email: string;
  name: string;
}

export interface AlertWindow {
  windowStartedAt: Date;
  failures: number;
  notificationId: number | null;
}

const affected = (meta: unknown) => Number((meta as { affectedRows?: number })?.affectedRows ?? 0);

/**
 * Failed outbox rows as the admins' page sees them, and the alert throttle (docs/decisions/023). Raw SQL
 * on outbox_events next to OutboxRepository, which owns the relay's side of the same table.
 */
@Injectable()
export class FailedWorkRepository {
  constructor(private readonly sequelize: Sequelize) {}

  /** The final attempt: failed, unless the row already left the running states (a duplicate failure event). */
  async markFailed(id: number, error: string, transaction: Transaction): Promise<{ topic: string } | null> {
    const [, meta] = await this.sequelize.query(
      `UPDATE outbox_events SET status = 'failed', attempts = attempts + 1, last_error = ?, failed_at = CURRENT_TIMESTAMP(3)
        WHERE id = ? AND status IN ('pending', 'queued')`,
      { replacements: [error.slice(0, 4000), id], transaction },
    );
    if (affected(meta) === 0) return null;
    const rows = await this.sequelize.query<{ topic: string }>('SELECT topic FROM outbox_events WHERE id = ?', {
      replacements: [id],
      type: QueryTypes.SELECT,
      transaction,
    });
    return rows[0] ?? null;
  }

  /** Active admins (never the system user), in id order: every transaction locks their alert rows in that order. */
  async activeAdmins(systemEmail: string, transaction: Transaction): Promise<Admin[]> {
    const rows = await this.sequelize.query<Admin>(
      "SELECT id, email, name FROM users WHERE role = 'admin' AND status = 'active' AND email <> ? ORDER BY id",
      { replacements: [systemEmail], type: QueryTypes.SELECT, transaction },
    );
    return rows.map((r) => ({ id: Number(r.id), email: r.email, name: r.name }));
  }

  /** Still an active admin (an alert email held through quiet hours is not sent to someone who no longer is). */
  async isActiveAdmin(userId: number, systemEmail: string): Promise<boolean> {
    const rows = await this.sequelize.query<{ id: number }>(
      "SELECT id FROM users WHERE id = ? AND role = 'admin' AND status = 'active' AND email <> ?",
      { replacements: [userId, systemEmail], type: QueryTypes.SELECT },
    );
    return rows.length > 0;
  }

  /**
   * The admin's alert window for the topic, locked until the transaction ends: a second worker failing
   * a row of the same topic waits here, then sees the first one's alert and adds to it.
   */
  async lockAlertWindow(topic: string, userId: number, transaction: Transaction): Promise<AlertWindow> {
    await this.sequelize.query(
      `INSERT INTO outbox_failure_alerts (topic, user_id, window_started_at, failures) VALUES (?, ?, '1970-01-02 00:00:00', 0)
        ON DUPLICATE KEY UPDATE topic = topic`,
      { replacements: [topic, userId], transaction },
    );
    const rows = await this.sequelize.query<{ windowStartedAt: Date; failures: number; notificationId: number | null }>(
      `SELECT window_started_at AS windowStartedAt, failures, notification_id AS notificationId
         FROM outbox_failure_alerts WHERE topic = ? AND user_id = ? FOR UPDATE`,
      { replacements: [topic, userId], type: QueryTypes.SELECT, transaction },
    );
    const row = rows[0]!;
    return {
      windowStartedAt: new Date(row.windowStartedAt),
      failures: Number(row.failures),
      notificationId: row.notificationId === null ? null : Number(row.notificationId),
    };
  }

  async saveAlertWindow(topic: string, userId: number, window: AlertWindow, transaction: Transaction) {
    await this.sequelize.query(
      'UPDATE outbox_failure_alerts SET window_started_at = ?, failures = ?, notification_id = ? WHERE topic = ? AND user_id = ?',
      { replacements: [window.windowStartedAt, window.failures, window.notificationId, topic, userId], transaction },
    );
  }

  /** The alert already in the admin's bell says how many failed now (its read state is kept: it is still one alert). */
  async rewriteNotification(id: number, userId: number, title: string, body: string, transaction: Transaction): Promise<boolean> {
    const [, meta] = await this.sequelize.query('UPDATE user_notifications SET title = ?, body = ? WHERE id = ? AND user_id = ?', {
      replacements: [title.slice(0, 200), body.slice(0, 1000), id, userId],
      transaction,
    });
    return affected(meta) > 0;
  }

  /** Failed rows, newest first, after the cursor (an id), optionally of one topic. */
  async page(topic: string | undefined, before: number | undefined, limit: number): Promise<FailedRow[]> {
    const where = ["status = 'failed'"];
    const replacements: unknown[] = [];
    if (topic) {
      where.push('topic = ?');
      replacements.push(topic);
    }
    if (before) {
      where.push('id < ?');
      replacements.push(before);
    }
    replacements.push(limit);
    return this.sequelize.query<FailedRow>(
      `SELECT id, topic,
              COALESCE(JSON_UNQUOTE(JSON_EXTRACT(payload, '$.ticketId')), JSON_UNQUOTE(JSON_EXTRACT(payload, '$.targetId'))) AS ticketId,
              JSON_UNQUOTE(JSON_EXTRACT(payload, '$.subject')) AS subject,
              attempts, last_error AS lastError, created_at AS createdAt, failed_at AS failedAt
         FROM outbox_events WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT ?`,
      { replacements, type: QueryTypes.SELECT },
    );
  }

  async countsByTopic(): Promise<{ topic: string; count: number }[]> {
    const rows = await this.sequelize.query<{ topic: string; n: number }>(
      "SELECT topic, COUNT(*) AS n FROM outbox_events WHERE status = 'failed' GROUP BY topic ORDER BY n DESC, topic",
      { type: QueryTypes.SELECT },
    );
    return rows.map((r) => ({ topic: r.topic, count: Number(r.n) }));
  }

  async lock(id: number, transaction: Transaction): Promise<{ id: number; topic: string; status: OutboxStatus; attempts: number; lastError: string | null } | null> {
    const rows = await this.sequelize.query<{ id: number; topic: string; status: OutboxStatus; attempts: number; lastError: string | null }>(
      'SELECT id, topic, status, attempts, last_error AS lastError FROM outbox_events WHERE id = ? FOR UPDATE',
      { replacements: [id], type: QueryTypes.SELECT, transaction },
    );
    return rows[0] ? { ...rows[0], id: Number(rows[0].id), attempts: Number(rows[0].attempts) } : null;
  }

  /** Back to the relay as if new: pending, attempts reset. */
  async requeue(id: number, transaction: Transaction) {
    await this.sequelize.query(
      "UPDATE outbox_events SET status = 'pending', attempts = 0, queued_at = NULL, failed_at = NULL, dismissed_at = NULL WHERE id = ?",
      { replacements: [id], transaction },
    );
  }

  /** Every failed row of the topic back to pending; returns how many. */
  async requeueTopic(topic: string, transaction: Transaction): Promise<number> {
    const [, meta] = await this.sequelize.query(
      "UPDATE outbox_events SET status = 'pending', attempts = 0, queued_at = NULL, failed_at = NULL WHERE topic = ? AND status = 'failed'",
      { replacements: [topic], transaction },
    );
    return affected(meta);
  }

  async dismiss(id: number, transaction: Transaction) {
    await this.sequelize.query("UPDATE outbox_events SET status = 'dismissed', dismissed_at = CURRENT_TIMESTAMP(3) WHERE id = ?", {
      replacements: [id],
      transaction,
    });
  }
}
