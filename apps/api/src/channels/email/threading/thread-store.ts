import { Injectable } from '@nestjs/common';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';

export interface TicketRef {
  id: number;
  subject: string;
  status: string;
  requesterId: number;
  companyId: number | null;
  requesterEmail: string;
  closedAt: Date | null;
  updatedAt: Date;
}

const TICKET_COLUMNS = `t.id, t.subject, t.status, t.requester_id AS requesterId, t.company_id AS companyId,
  r.email AS requesterEmail, t.closed_at AS closedAt, t.updated_at AS updatedAt`;

const toRef = (r: TicketRef): TicketRef => ({
  ...r,
  id: Number(r.id),
  requesterId: Number(r.requesterId),
  companyId: r.companyId == null ? null : Number(r.companyId),
  closedAt: r.closedAt ? new Date(r.closedAt) : null,
  updatedAt: new Date(r.updatedAt),
});

/**
 * What threading reads and writes: which ticket a Message-ID belongs to (every one we stored or
 * sent), who was copied on a ticket's mail, and tickets by id or by sender.
 */
@Injectable()
export class ThreadStore {
  constructor(private readonly sequelize: Sequelize) {}

  async ticket(id: number): Promise<TicketRef | null> {
    const [row] = await this.sequelize.query<TicketRef>(
      `SELECT ${TICKET_COLUMNS} FROM tickets t JOIN users r ON r.id = t.requester_id WHERE t.id = ?`,
      { replacements: [id], type: QueryTypes.SELECT },
    );
    return row ? toRef(row) : null;
  }

  /** The ticket of the first of these Message-IDs that we know, and which id matched. */
  async ticketByMessageIds(ids: readonly string[]): Promise<{ ticketId: number; messageId: string } | null> {
    if (ids.length === 0) return null;
    const rows = await this.sequelize.query<{ messageId: string; ticketId: number }>(
      `SELECT message_id AS messageId, ticket_id AS ticketId FROM email_message_ids WHERE message_id IN (${ids.map(() => '?').join(', ')})`,
      { replacements: [...ids], type: QueryTypes.SELECT },
    );
    for (const id of ids) {
      const hit = rows.find((r) => r.messageId === id);
      if (hit) return { ticketId: Number(hit.ticketId), messageId: id };
    }
    return null;
  }

  /** Open (not resolved/closed) tickets this requester updated since `since`. */
  async recentOpenTickets(requesterId: number, since: Date): Promise<TicketRef[]> {
    const rows = await this.sequelize.query<TicketRef>(
      `SELECT ${TICKET_COLUMNS} FROM tickets t JOIN users r ON r.id = t.requester_id
        WHERE t.requester_id = ? AND t.status NOT IN ('resolved', 'closed') AND t.updated_at >= ? ORDER BY t.id DESC LIMIT 50`,
      { replacements: [requesterId, since], type: QueryTypes.SELECT },
    );
    return rows.map(toRef);
  }

  async isParticipant(ticketId: number, email: string): Promise<boolean> {
    const rows = await this.sequelize.query('SELECT 1 FROM ticket_email_participants WHERE ticket_id = ? AND email = ?', {
      replacements: [ticketId, email.toLowerCase()],
      type: QueryTypes.SELECT,
    });
    return rows.length > 0;
  }

  async participants(ticketId: number): Promise<string[]> {
    const rows = await this.sequelize.query<{ email: string }>(
      'SELECT email FROM ticket_email_participants WHERE ticket_id = ? ORDER BY created_at, email',
      { replacements: [ticketId], type: QueryTypes.SELECT },
    );
    return rows.map((r) => r.email);
  }

  async addParticipants(ticketId: number, emails: readonly string[], transaction?: Transaction) {
    const unique = [...new Set(emails.map((e) => e.toLowerCase().slice(0, 190)))];
    if (unique.length === 0) return;
    await this.sequelize.query(
      `INSERT IGNORE INTO ticket_email_participants (ticket_id, email) VALUES ${unique.map(() => '(?, ?)').join(', ')}`,
      { replacements: unique.flatMap((e) => [ticketId, e]), transaction },
    );
  }

  async rememberMessageId(
    row: { messageId: string; ticketId: number; entryId: number | null; direction: 'in' | 'out'; outboundMessageId?: number | null },
    transaction?: Transaction,
  ) {
    await this.sequelize.query(
      `INSERT IGNORE INTO email_message_ids (message_id, ticket_id, ticket_entry_id, direction, outbound_message_id) VALUES (?, ?, ?, ?, ?)`,
      { replacements: [row.messageId, row.ticketId, row.entryId, row.direction, row.outboundMessageId ?? null], transaction },
    );
  }

  /** The Message-IDs of a ticket's thread, oldest first (for References on what we send). */
  async threadIds(ticketId: number, limit = 20): Promise<string[]> {
    const rows = await this.sequelize.query<{ messageId: string }>(
      `SELECT message_id AS messageId FROM email_message_ids WHERE ticket_id = ? ORDER BY created_at DESC LIMIT ${Number(limit)}`,
      { replacements: [ticketId], type: QueryTypes.SELECT },
    );
    return rows.map((r) => r.messageId).reverse();
  }

  /** The last inbound Message-ID on a ticket: what our reply answers (In-Reply-To). */
  async lastInbound(ticketId: number): Promise<string | null> {
    const [row] = await this.sequelize.query<{ messageId: string }>(
      `SELECT message_id AS messageId FROM email_message_ids WHERE ticket_id = ? AND direction = 'in' ORDER BY created_at DESC LIMIT 1`,
      { replacements: [ticketId], type: QueryTypes.SELECT },
    );
    return row?.messageId ?? null;
  }
}
