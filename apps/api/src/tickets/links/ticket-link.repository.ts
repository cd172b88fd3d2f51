import { Injectable } from '@nestjs/common';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';

import type { LinkKind } from '@switchboard/contracts';

/** See LINK_KINDS in libs/contracts: merged, split, follow_up are written by those commands; related by hand. */
export type TicketLinkKind = LinkKind;

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
      'INSERT IGNORE INTO ticket_links (source_ticket_id, target_ticket_id, kind, created_by) VALUES (?, ?, ?, ?)',
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

  /** Removes a related link in either direction; other kinds record history and stay. */
  async unlinkRelated(a: number, b: number, transaction: Transaction) {
    await this.sequelize.query(
      "DELETE FROM ticket_links WHERE kind = 'related' AND ((source_ticket_id = ? AND target_ticket_id = ?) OR (source_ticket_id = ? AND target_ticket_id = ?))",
      { replacements: [a, b, b, a], transaction },
    );
  }
}
