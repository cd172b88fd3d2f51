import { Injectable } from '@nestjs/common';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import type { TicketFields } from '../access/app-ability.js';

/**
 * The ticket fields the CASL rules look at, read once per event when it is published, and carried
 * with the event so each subscriber's ability is checked without another query. Read-only, straight
 * from the tickets table (no model crosses the module edge).
 */
@Injectable()
export class TicketFactsReader {
  constructor(private readonly sequelize: Sequelize) {}

  async read(ticketId: number): Promise<TicketFields | null> {
    const rows = await this.sequelize.query<TicketFields>(
      `SELECT id, requester_id AS requesterId, company_id AS companyId, assignee_id AS assigneeId, status
       FROM tickets WHERE id = ?`,
      { replacements: [ticketId], type: QueryTypes.SELECT },
    );
    return rows[0] ?? null;
  }

  async subject(ticketId: number): Promise<string | null> {
    const rows = await this.sequelize.query<{ subject: string }>('SELECT subject FROM tickets WHERE id = ?', {
      replacements: [ticketId],
      type: QueryTypes.SELECT,
    });
    return rows[0]?.subject ?? null;
  }

  /** An entry's ticket and the fields its access is decided on (kind, visibility); null when it is gone. */
  async entry(entryId: number): Promise<{ ticketId: number; kind: string; visibility: 'public' | 'internal' } | null> {
    const rows = await this.sequelize.query<{ ticketId: number; kind: string; visibility: 'public' | 'internal' }>(
      'SELECT ticket_id AS ticketId, kind, visibility FROM ticket_entries WHERE id = ?',
      { replacements: [entryId], type: QueryTypes.SELECT },
    );
    const row = rows[0];
    return row ? { ...row, ticketId: Number(row.ticketId) } : null;
  }
}
