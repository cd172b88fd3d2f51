import { Injectable } from '@nestjs/common';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';

export interface RatingRow {
  ticketId: number;
  rating: number;
  comment: string | null;
  customerId: number;
  agentId: number | null;
  source: 'portal' | 'link';
  createdAt: Date;
  updatedAt: Date;
}

/** The ticket facts a rating needs. Read-only, straight from the tickets table (no model crosses the module edge). */
export interface RatedTicket {
  id: number;
  status: string;
  requesterId: number;
  requesterEmail: string;
  requesterName: string;
  assigneeId: number | null;
}

/** The only place that touches satisfaction_ratings and satisfaction_token_uses. */
@Injectable()
export class SatisfactionRepository {
  constructor(private readonly sequelize: Sequelize) {}

  async ticket(id: number, transaction?: Transaction, forUpdate = false): Promise<RatedTicket | null> {
    const rows = await this.sequelize.query<RatedTicket>(
      `SELECT t.id, t.status, t.requester_id AS requesterId, u.email AS requesterEmail, u.name AS requesterName,
              t.assignee_id AS assigneeId
       FROM tickets t JOIN users u ON u.id = t.requester_id WHERE t.id = ?${forUpdate ? ' FOR UPDATE' : ''}`,
      { replacements: [id], type: QueryTypes.SELECT, transaction },
    );
    return rows[0] ?? null;
  }

  /** The agent credited with a rating: the assignee, or else the staff member who last replied publicly. */
  async creditedAgent(ticket: RatedTicket, transaction?: Transaction): Promise<number | null> {
    if (ticket.assigneeId) return ticket.assigneeId;
    const rows = await this.sequelize.query<{ authorId: number }>(
      `SELECT e.author_id AS authorId FROM ticket_entries e JOIN users u ON u.id = e.author_id
       WHERE e.ticket_id = ? AND e.kind = 'reply' AND e.visibility = 'public' AND u.role <> 'customer'
       ORDER BY e.created_at DESC, e.id DESC LIMIT 1`,
      { replacements: [ticket.id], type: QueryTypes.SELECT, transaction },
    );
    return rows[0]?.authorId ?? null;
  }

  async forTicket(ticketId: number, transaction?: Transaction): Promise<RatingRow | null> {
    const rows = await this.sequelize.query<RatingRow>(
      `SELECT ticket_id AS ticketId, rating, comment, customer_id AS customerId, agent_id AS agentId, source,
              created_at AS createdAt, updated_at AS updatedAt
       FROM satisfaction_ratings WHERE ticket_id = ?`,
      { replacements: [ticketId], type: QueryTypes.SELECT, transaction },
    );
    const row = rows[0];
    return row ? { ...row, createdAt: new Date(row.createdAt), updatedAt: new Date(row.updatedAt) } : null;
  }

  /** One rating per ticket: a later one replaces it. */
  async upsert(row: Omit<RatingRow, 'createdAt' | 'updatedAt'>, transaction: Transaction) {
    const now = new Date();
    await this.sequelize.query(
      `INSERT INTO satisfaction_ratings (ticket_id, rating, comment, customer_id, agent_id, source, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE rating = VALUES(rating), comment = VALUES(comment), customer_id = VALUES(customer_id),
         agent_id = VALUES(agent_id), source = VALUES(source), updated_at = VALUES(updated_at)`,
      {
        replacements: [row.ticketId, row.rating, row.comment, row.customerId, row.agentId, row.source, now, now],
        transaction,
      },
    );
  }

  /** Marks a link token used; false when it already was (the primary key decides, even under races). */
  async useToken(tokenId: string, ticketId: number, transaction: Transaction): Promise<boolean> {
    const [, affected] = (await this.sequelize.query(
      'INSERT IGNORE INTO satisfaction_token_uses (token_id, ticket_id) VALUES (?, ?)',
      { replacements: [tokenId, ticketId], transaction, type: QueryTypes.INSERT },
    )) as unknown as [number, number];
    return affected === 1;
  }
}
