import { Injectable } from '@nestjs/common';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';

export interface InvitationRow {
  id: number;
  userId: number;
  email: string;
  expiresAt: Date;
  acceptedAt: Date | null;
  userStatus: string;
}

@Injectable()
export class InvitationRepository {
  constructor(private readonly sequelize: Sequelize) {}

  /** The account that already has this email, locked, if any. */
  async existing(email: string, transaction: Transaction) {
    const rows = await this.sequelize.query<{ id: number; status: string }>('SELECT id, status FROM users WHERE email = ? FOR UPDATE', {
      replacements: [email],
      type: QueryTypes.SELECT,
      transaction,
    });
    return rows[0] ?? null;
  }

  /** Invites a still-pending person again: earlier links stop working, name and role are updated. */
  async reinvite(userId: number, data: { name: string; role: string; invitedBy: number; expiresAt: Date }, transaction: Transaction) {
    await this.sequelize.query('UPDATE invitations SET expires_at = CURRENT_TIMESTAMP(3) WHERE user_id = ? AND accepted_at IS NULL', { replacements: [userId], transaction });
    await this.sequelize.query('UPDATE users SET name = ?, role = ? WHERE id = ?', { replacements: [data.name, data.role, userId], transaction });
    const [id] = (await this.sequelize.query('INSERT INTO invitations (user_id, invited_by, expires_at) VALUES (?, ?, ?)', {
      replacements: [userId, data.invitedBy, data.expiresAt],
      type: QueryTypes.INSERT,
      transaction,
    })) as unknown as [number];
    return { id: Number(id), userId };
  }

  /** The invited person exists from now on as a `pending` user without a password: they cannot sign in until they accept. */
  async create(data: { email: string; name: string; role: string; invitedBy: number; expiresAt: Date }, transaction: Transaction) {
    const [userId] = (await this.sequelize.query("INSERT INTO users (email, name, role, status) VALUES (?, ?, ?, 'pending')", {
      replacements: [data.email, data.name, data.role],
      type: QueryTypes.INSERT,
      transaction,
    })) as unknown as [number];
    const [id] = (await this.sequelize.query('INSERT INTO invitations (user_id, invited_by, expires_at) VALUES (?, ?, ?)', {
      replacements: [userId, data.invitedBy, data.expiresAt],
      type: QueryTypes.INSERT,
      transaction,
    })) as unknown as [number];
    return { id: Number(id), userId: Number(userId) };
  }

  async lock(id: number, transaction: Transaction): Promise<InvitationRow | null> {
    const rows = await this.sequelize.query<InvitationRow>(
      `SELECT i.id, i.user_id AS userId, u.email, i.expires_at AS expiresAt, i.accepted_at AS acceptedAt, u.status AS userStatus
       FROM invitations i JOIN users u ON u.id = i.user_id WHERE i.id = ? FOR UPDATE`,
      { replacements: [id], type: QueryTypes.SELECT, transaction },
    );
    return rows[0] ?? null;
  }

  async accept(row: InvitationRow, name: string, passwordHash: string, transaction: Transaction) {
    await this.sequelize.query('UPDATE invitations SET accepted_at = CURRENT_TIMESTAMP(3) WHERE id = ?', { replacements: [row.id], transaction });
    await this.sequelize.query("UPDATE users SET name = ?, password_hash = ?, status = 'active' WHERE id = ?", {
      replacements: [name, passwordHash, row.userId],
      transaction,
    });
  }
}
