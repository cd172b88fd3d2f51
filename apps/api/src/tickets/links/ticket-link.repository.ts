import { Injectable } from '@nestjs/common';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';

/** follow_up: the target was opened by a reply to the long-closed source. Other kinds ('related', ...) may follow. */
export type TicketLinkKind = 'follow_up';

export interface TicketLink {
  sourceTicketId: number;
  targetTicketId: number;
  kind: string;
  createdBy: number | null;
  createdAt: Date;
}

/** The only place that touches ticket_links. */
@Injectable()
export class TicketLinkRepository {
  constructor(private readonly sequelize: Sequelize) {}

  async link(sourceTicketId: number, targetTicketId: number, kind: TicketLinkKind, createdBy: number | null, transaction: Transaction) {
    await this.sequelize.query(
      'INSERT INTO ticket_links (source_ticket_id, target_ticket_id, kind, created_by) VALUES (?, ?, ?, ?)',
      { replacements: [sourceTicketId, targetTicketId, kind, createdBy], transaction, type: QueryTypes.INSERT },
    );
  }

  /** Links from or to a ticket, oldest first. */
  forTicket(ticketId: number, transaction?: Transaction) {
    return this.sequelize.query<TicketLink>(
      `SELECT source_ticket_id AS sourceTicketId, target_ticket_id AS targetTicketId, kind, created_by AS createdBy, created_at AS createdAt
       FROM ticket_links WHERE source_ticket_id = ? OR target_ticket_id = ? ORDER BY id`,
      { replacements: [ticketId, ticketId], type: QueryTypes.SELECT, transaction },
    );
  }
}
