import { Injectable } from '@nestjs/common';
import type { ReadReceipt } from '@switchboard/contracts';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';

/** The only place that touches ticket_reads (read receipts). */
@Injectable()
export class ReadReceiptsRepository {
  constructor(private readonly sequelize: Sequelize) {}

  /** The entry, if it is on the ticket: its visibility (the caller checks the reader may see it). */
  async entryVisibility(ticketId: number, entryId: number): Promise<'public' | 'internal' | null> {
    const rows = await this.sequelize.query<{ visibility: 'public' | 'internal' }>(
      'SELECT visibility FROM ticket_entries WHERE id = ? AND ticket_id = ?',
      { replacements: [entryId, ticketId], type: QueryTypes.SELECT },
    );
    return rows[0]?.visibility ?? null;
  }

  /** Moves the reader's mark forward (never back); true when it moved, i.e. there is something new to tell. */
  async advance(ticketId: number, userId: number, entryId: number): Promise<boolean> {
    const [, updated] = await this.sequelize.query(
      'UPDATE ticket_reads SET last_entry_id = ?, read_at = CURRENT_TIMESTAMP(3) WHERE ticket_id = ? AND user_id = ? AND last_entry_id < ?',
      { replacements: [entryId, ticketId, userId, entryId] },
    );
    if (Number((updated as { affectedRows?: number })?.affectedRows ?? 0) > 0) return true;
    const [, inserted] = await this.sequelize.query(
      'INSERT IGNORE INTO ticket_reads (ticket_id, user_id, last_entry_id, read_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP(3))',
      { replacements: [ticketId, userId, entryId] },
    );
    return Number((inserted as { affectedRows?: number })?.affectedRows ?? 0) > 0;
  }

  async list(ticketId: number): Promise<ReadReceipt[]> {
    const rows = await this.sequelize.query<{ userId: number; name: string; requester: number; lastEntryId: number; readAt: Date }>(
      `SELECT r.user_id AS userId, u.name, (t.requester_id = r.user_id) AS requester, r.last_entry_id AS lastEntryId, r.read_at AS readAt
       FROM ticket_reads r JOIN users u ON u.id = r.user_id JOIN tickets t ON t.id = r.ticket_id
       WHERE r.ticket_id = ? ORDER BY r.read_at DESC`,
      { replacements: [ticketId], type: QueryTypes.SELECT },
    );
    return rows.map((r) => ({
      userId: Number(r.userId),
      name: r.name,
      requester: Boolean(Number(r.requester)),
      lastEntryId: Number(r.lastEntryId),
      readAt: new Date(r.readAt).toISOString(),
    }));
  }
}
