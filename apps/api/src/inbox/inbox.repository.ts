import { Injectable } from '@nestjs/common';
import type { UserNotification } from '@switchboard/contracts';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { insertRow } from '../database/insert-row.js';

export interface NewNotification {
  kind: string;
  ticketId?: number | null;
  title: string;
  body?: string;
}

interface Row {
  id: number;
  kind: string;
  ticketId: number | null;
  title: string;
  body: string;
  readAt: Date | null;
  createdAt: Date;
}

const toNotification = (r: Row): UserNotification => ({
  id: Number(r.id),
  kind: r.kind,
  ticketId: r.ticketId,
  title: r.title,
  body: r.body,
  read: r.readAt !== null,
  createdAt: new Date(r.createdAt).toISOString(),
});

/** The only place that touches user_notifications. */
@Injectable()
export class InboxRepository {
  constructor(private readonly sequelize: Sequelize) {}

  async add(userId: number, n: NewNotification, transaction?: Transaction): Promise<number> {
    return insertRow(
      this.sequelize,
      'user_notifications',
      { userId, kind: n.kind, ticketId: n.ticketId ?? null, title: n.title.slice(0, 200), body: (n.body ?? '').slice(0, 1000) },
      transaction,
    );
  }

  async latest(userId: number, limit: number): Promise<UserNotification[]> {
    const rows = await this.sequelize.query<Row>(
      `SELECT id, kind, ticket_id AS ticketId, title, body, read_at AS readAt, created_at AS createdAt
       FROM user_notifications WHERE user_id = ? ORDER BY id DESC LIMIT ?`,
      { replacements: [userId, limit], type: QueryTypes.SELECT },
    );
    return rows.map(toNotification);
  }

  async unread(userId: number): Promise<number> {
    const rows = await this.sequelize.query<{ n: number }>(
      'SELECT COUNT(*) AS n FROM user_notifications WHERE user_id = ? AND read_at IS NULL',
      { replacements: [userId], type: QueryTypes.SELECT },
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** Only the user's own rows are touched, whatever ids are passed. */
  async markRead(userId: number, ids: number[] | 'all'): Promise<number> {
    if (ids !== 'all' && ids.length === 0) return 0;
    const [, meta] = await this.sequelize.query(
      `UPDATE user_notifications SET read_at = CURRENT_TIMESTAMP(3) WHERE user_id = ? AND read_at IS NULL${ids === 'all' ? '' : ' AND id IN (?)'}`,
      { replacements: ids === 'all' ? [userId] : [userId, ids] },
    );
    return Number((meta as { affectedRows?: number })?.affectedRows ?? 0);
  }
}
