import { Injectable } from '@nestjs/common';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import type { Recipient } from './sla-ticket.repository.js';

/** Firing a target: marking it warned or breached once, and recording who was told (sla_notifications). */
@Injectable()
export class SlaFiringRepository {
  constructor(private readonly sequelize: Sequelize) {}

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
}
