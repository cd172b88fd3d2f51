import { Injectable } from '@nestjs/common';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { DomainError } from '../../common/domain-error.js';

export const WHATSAPP_WINDOW_MS = 24 * 3_600_000;

/**
 * WhatsApp lets a business send free-form messages only within 24 hours of the customer's last
 * message; after that only an approved template may be sent. The tickets module asks this before
 * it accepts a public reply on a WhatsApp ticket, so the agent is told at once instead of the
 * message failing at Twilio later.
 */
@Injectable()
export class WhatsappWindow {
  constructor(private readonly sequelize: Sequelize) {}

  async assertOpen(ticketId: number, transaction?: Transaction, now = new Date()) {
    const [row] = await this.sequelize.query<{ last: Date | null }>(
      `SELECT MAX(e.created_at) AS last FROM ticket_entries e JOIN tickets t ON t.id = e.ticket_id
        WHERE e.ticket_id = ? AND e.kind = 'message' AND e.channel = 'whatsapp' AND e.author_id = t.requester_id`,
      { type: QueryTypes.SELECT, replacements: [ticketId], transaction },
    );
    const last = row?.last ? new Date(row.last) : null;
    if (last && now.getTime() - last.getTime() <= WHATSAPP_WINDOW_MS) return;
    throw new DomainError(
      'bad_request',
      'WHATSAPP_WINDOW_CLOSED',
      `body: WhatsApp allows free-form replies only within 24 hours of the customer's last message` +
        `${last ? ` (last message ${last.toISOString()})` : ''}; outside it only an approved template can be sent`,
      'body',
    );
  }
}
