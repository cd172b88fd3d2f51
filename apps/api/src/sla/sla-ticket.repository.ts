import { Injectable } from '@nestjs/common';
import type { Level, TicketStatus } from '@switchboard/contracts';
import { SYSTEM_USER_EMAIL } from '@switchboard/migrations';
import type { Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { date, select } from './sla-sql.js';

/** The ticket facts the SLA code reads (straight from the tickets table; no model crosses the module edge). */
export interface TicketFacts {
  id: number;
  subject: string;
  status: TicketStatus;
  urgency: Level;
  importance: Level;
  channel: string;
  companyId: number | null;
  companyName: string | null;
  issueTypeId: number | null;
  issueTypeName: string | null;
  assigneeId: number | null;
  teamId: number | null;
  createdAt: Date;
  resolvedAt: Date | null;
}

export interface Recipient {
  id: number;
  email: string;
  name: string;
}

/** What the SLA code reads of tickets, their entries and the people on them. */
@Injectable()
export class SlaTicketRepository {
  constructor(private readonly sequelize: Sequelize) {}

  async ticket(id: number, transaction?: Transaction): Promise<TicketFacts | null> {
    const rows = await select<Record<string, unknown>>(
      this.sequelize,
      `SELECT t.id, t.subject, t.status, t.urgency, t.importance, t.channel, t.company_id AS companyId, c.name AS companyName,
              t.issue_type_id AS issueTypeId, it.name AS issueTypeName, t.assignee_id AS assigneeId, t.team_id AS teamId,
              t.created_at AS createdAt, t.resolved_at AS resolvedAt
       FROM tickets t LEFT JOIN companies c ON c.id = t.company_id LEFT JOIN issue_types it ON it.id = t.issue_type_id
       WHERE t.id = ?`,
      [id],
      transaction,
    );
    const r = rows[0];
    return r ? ({ ...r, createdAt: date(r.createdAt)!, resolvedAt: date(r.resolvedAt) } as TicketFacts) : null;
  }

  /** Locks the ticket row only (not the joined rows), so two events about one ticket apply one after the other. */
  async lockTicket(id: number, transaction: Transaction) {
    await select(this.sequelize, 'SELECT id FROM tickets WHERE id = ? FOR UPDATE', [id], transaction);
  }

  async entryTime(entryId: number): Promise<Date | null> {
    const rows = await select<{ createdAt: unknown }>(this.sequelize, 'SELECT created_at AS createdAt FROM ticket_entries WHERE id = ?', [entryId]);
    return rows[0] ? date(rows[0].createdAt) : null;
  }

  /** The first public staff reply (not the system user's) written after `at`, if any. */
  async firstAgentReplyAfter(ticketId: number, at: Date, transaction?: Transaction): Promise<Date | null> {
    const rows = await select<{ createdAt: unknown }>(
      this.sequelize,
      `SELECT e.created_at AS createdAt FROM ticket_entries e JOIN users u ON u.id = e.author_id
       WHERE e.ticket_id = ? AND e.kind = 'reply' AND e.visibility = 'public' AND e.created_at > ?
         AND u.role <> 'customer' AND u.email <> ? ORDER BY e.created_at LIMIT 1`,
      [ticketId, at, SYSTEM_USER_EMAIL],
      transaction,
    );
    return rows[0] ? date(rows[0].createdAt) : null;
  }

  /** Who an entry's author is: staff replies meet response targets; the system user's never do. */
  async author(userId: number): Promise<{ role: string; email: string } | null> {
    const rows = await select<{ role: string; email: string }>(this.sequelize, 'SELECT role, email FROM users WHERE id = ?', [userId]);
    return rows[0] ?? null;
  }

  async managers(transaction?: Transaction): Promise<Recipient[]> {
    return select<Recipient>(this.sequelize, "SELECT id, email, name FROM users WHERE role = 'manager' ORDER BY id", [], transaction);
  }

  async user(id: number, transaction?: Transaction): Promise<Recipient | null> {
    return (await select<Recipient>(this.sequelize, 'SELECT id, email, name FROM users WHERE id = ?', [id], transaction))[0] ?? null;
  }
}
