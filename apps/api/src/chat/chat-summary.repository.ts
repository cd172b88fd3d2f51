import { Injectable } from '@nestjs/common';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import type { ChatRow } from './chat-session.repository.js';

export interface ChatFacts {
  subject: string;
  status: string;
  assigneeId: number | null;
  assigneeName: string | null;
  agentName: string | null;
  visitorUserName: string;
  visitorUserEmail: string;
}

/** What a chat summary adds to the session row: the ticket's and people's names, and the place in the queue. */
@Injectable()
export class ChatSummaryRepository {
  constructor(private readonly sequelize: Sequelize) {}

  /** The ticket's and people's names for a set of chats (read-only join, for the summaries). */
  async facts(rows: ChatRow[]): Promise<Map<number, ChatFacts>> {
    if (!rows.length) return new Map();
    const found = await this.sequelize.query<Record<string, unknown>>(
      `SELECT c.id, t.subject, t.status, t.assignee_id, a.name AS assignee_name, g.name AS agent_name, v.name AS visitor_name, v.email AS visitor_email
         FROM chat_sessions c JOIN tickets t ON t.id = c.ticket_id JOIN users v ON v.id = c.visitor_id
         LEFT JOIN users a ON a.id = t.assignee_id LEFT JOIN users g ON g.id = c.agent_id
        WHERE c.id IN (?)`,
      { replacements: [rows.map((r) => r.id)], type: QueryTypes.SELECT },
    );
    return new Map(
      found.map((r) => [
        Number(r.id),
        {
          subject: String(r.subject),
          status: String(r.status),
          assigneeId: r.assignee_id == null ? null : Number(r.assignee_id),
          assigneeName: (r.assignee_name as string) ?? null,
          agentName: (r.agent_name as string) ?? null,
          visitorUserName: String(r.visitor_name),
          visitorUserEmail: String(r.visitor_email),
        },
      ]),
    );
  }

  /** 1-based place of a waiting chat among the waiting chats nobody is offered yet (oldest first); null if offered. */
  async placeInQueue(chat: ChatRow): Promise<number | null> {
    if (chat.state !== 'waiting') return null;
    const [row] = await this.sequelize.query<{ unassigned: number; ahead: number }>(
      `SELECT (SELECT assignee_id IS NULL FROM tickets WHERE id = ?) AS unassigned,
              (SELECT COUNT(*) FROM chat_sessions c JOIN tickets t ON t.id = c.ticket_id
                WHERE c.state = 'waiting' AND t.assignee_id IS NULL AND c.id < ?) AS ahead`,
      { replacements: [chat.ticketId, chat.id], type: QueryTypes.SELECT },
    );
    return row && Number(row.unassigned) ? Number(row.ahead) + 1 : null;
  }
}
