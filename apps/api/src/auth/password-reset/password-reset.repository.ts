import { Injectable } from '@nestjs/common';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';

export interface LiveReset {
  id: number;
  userId: number;
}

/** Single-use password reset tokens, stored as SHA-256. */
@Injectable()
export class PasswordResetRepository {
  constructor(private readonly sequelize: Sequelize) {}

  async create(userId: number, tokenHash: string, expiresAt: Date, transaction: Transaction) {
    await this.sequelize.query('INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES (?, ?, ?)', {
      replacements: [userId, tokenHash, expiresAt],
      transaction,
    });
  }

  /** How many resets were asked for this user since `since` (a mailbox flood guard). */
  async countSince(userId: number, since: Date) {
    const [row] = await this.sequelize.query<{ n: number }>(
      'SELECT COUNT(*) AS n FROM password_resets WHERE user_id = ? AND created_at >= ?',
      { type: QueryTypes.SELECT, replacements: [userId, since] },
    );
    return Number(row?.n ?? 0);
  }

  /** The unused, unexpired reset for this token, locked for the rest of the transaction. */
  async findLive(tokenHash: string, now: Date, transaction: Transaction): Promise<LiveReset | null> {
    const [row] = await this.sequelize.query<{ id: number; user_id: number }>(
      'SELECT id, user_id FROM password_resets WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? FOR UPDATE',
      { type: QueryTypes.SELECT, replacements: [tokenHash, now], transaction },
    );
    return row ? { id: Number(row.id), userId: Number(row.user_id) } : null;
  }

  /** Uses this reset and retires every other open one of the user: one link, one new password. */
  async useAll(userId: number, now: Date, transaction: Transaction) {
    await this.sequelize.query('UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL', {
      replacements: [now, userId],
      transaction,
    });
  }
}
