import { Injectable } from '@nestjs/common';
import type { Channel } from '@switchboard/contracts';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import type { OutgoingReply } from './outgoing-reply.js';

interface Row {
  ticket_id: number;
  subject: string;
  channel: Channel;
  entry_id: number;
  body: string;
  body_html: string | null;
  author_id: number;
  author_name: string;
  requester_id: number;
  requester_name: string;
  requester_email: string;
}

/** Reads a reply and what its delivery needs in one query (the worker has no request context). */
@Injectable()
export class OutgoingReplyLoader {
  constructor(private readonly sequelize: Sequelize) {}

  async load(outboxId: number, ticketId: number, entryId: number): Promise<OutgoingReply | null> {
    const [row] = await this.sequelize.query<Row>(
      `SELECT t.id AS ticket_id, t.subject, t.channel, e.id AS entry_id, e.body, e.body_html,
              a.id AS author_id, a.name AS author_name, r.id AS requester_id, r.name AS requester_name, r.email AS requester_email
         FROM ticket_entries e
         JOIN tickets t ON t.id = e.ticket_id
         JOIN users r ON r.id = t.requester_id
         LEFT JOIN users a ON a.id = e.author_id
        WHERE e.id = :entryId AND e.ticket_id = :ticketId AND e.visibility = 'public'`,
      { type: QueryTypes.SELECT, replacements: { entryId, ticketId } },
    );
    if (!row) return null;
    const files = await this.sequelize.query<{ id: number }>('SELECT id FROM attachments WHERE ticket_entry_id = :entryId ORDER BY id', {
      type: QueryTypes.SELECT,
      replacements: { entryId },
    });
    return {
      outboxId,
      ticketId: Number(row.ticket_id),
      ticketSubject: row.subject,
      channel: row.channel,
      entryId: Number(row.entry_id),
      body: row.body,
      bodyHtml: row.body_html,
      author: { id: Number(row.author_id), name: row.author_name ?? 'Support' },
      requester: { id: Number(row.requester_id), name: row.requester_name, email: row.requester_email },
      attachmentIds: files.map((f) => Number(f.id)),
    };
  }
}
