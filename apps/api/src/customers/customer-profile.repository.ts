import { Injectable } from '@nestjs/common';
import type { CustomerInteraction, CustomerNote, CustomerProfile } from '@switchboard/contracts';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { insertRow } from '../database/insert-row.js';

const INTERACTIONS = 50;
const RATINGS = 50;
const toIso = (d: Date | string) => new Date(d).toISOString();
/** Customers created from a phone number carry a placeholder address (`<e164>@phone.invalid`): not a contact detail. */
const realEmail = (email: string) => !email.endsWith('.invalid');

type CustomerRow = { id: number; name: string; email: string; companyId: number | null; companyName: string | null; companyAdmin: number; language: string | null; status: string; createdAt: Date };

/** The SQL of the CRM view: one customer's contact data, tickets, messages, notes and ratings. */
@Injectable()
export class CustomerProfileRepository {
  constructor(private readonly sequelize: Sequelize) {}

  private select<T extends object>(sql: string, replacements: unknown[], transaction?: Transaction) {
    return this.sequelize.query<T>(sql, { replacements, type: QueryTypes.SELECT, transaction });
  }

  async exists(customerId: number, transaction?: Transaction): Promise<boolean> {
    const rows = await this.select<{ id: number }>("SELECT id FROM users WHERE id = ? AND role = 'customer'", [customerId], transaction);
    return rows.length > 0;
  }

  async profile(customerId: number): Promise<CustomerProfile | null> {
    const [customer] = await this.select<CustomerRow>(
      `SELECT u.id, u.name, u.email, u.company_id AS companyId, c.name AS companyName, u.company_admin AS companyAdmin,
              u.language, u.status, u.created_at AS createdAt
       FROM users u LEFT JOIN companies c ON c.id = u.company_id WHERE u.id = ? AND u.role = 'customer'`,
      [customerId],
    );
    if (!customer) return null;
    const [phones, counts, channels, interactions, notes, ratings] = await Promise.all([
      this.select<{ e164: string; optedOut: number }>(
        'SELECT e164, opted_out_at IS NOT NULL AS optedOut FROM customer_phones WHERE user_id = ? ORDER BY updated_at DESC, id DESC',
        [customerId],
      ),
      this.select<{ total: number; open: number }>(
        "SELECT COUNT(*) AS total, COALESCE(SUM(status NOT IN ('resolved','closed')), 0) AS open FROM tickets WHERE requester_id = ?",
        [customerId],
      ),
      this.select<{ channel: CustomerInteraction['channel']; count: number }>(
        'SELECT channel, COUNT(*) AS count FROM tickets WHERE requester_id = ? GROUP BY channel ORDER BY count DESC, channel',
        [customerId],
      ),
      this.select<{ entryId: number; ticketId: number; subject: string; kind: CustomerInteraction['kind']; channel: CustomerInteraction['channel']; authorId: number | null; body: string; createdAt: Date }>(
        `SELECT e.id AS entryId, e.ticket_id AS ticketId, t.subject, e.kind, e.channel, e.author_id AS authorId, e.body, e.created_at AS createdAt
         FROM tickets t JOIN ticket_entries e ON e.ticket_id = t.id
         WHERE t.requester_id = ? AND e.kind IN ('message','reply') AND e.visibility = 'public'
         ORDER BY e.created_at DESC, e.id DESC LIMIT ${INTERACTIONS}`,
        [customerId],
      ),
      this.notes(customerId),
      this.select<{ ticketId: number; subject: string; rating: number; comment: string | null; createdAt: Date }>(
        `SELECT r.ticket_id AS ticketId, t.subject, r.rating, r.comment, r.created_at AS createdAt
         FROM satisfaction_ratings r JOIN tickets t ON t.id = r.ticket_id
         WHERE r.customer_id = ? ORDER BY r.created_at DESC, r.id DESC LIMIT ${RATINGS}`,
        [customerId],
      ),
    ]);
    const [summary] = await this.select<{ average: number | null; count: number }>(
      'SELECT AVG(rating) AS average, COUNT(*) AS count FROM satisfaction_ratings WHERE customer_id = ?',
      [customerId],
    );
    return {
      id: customer.id,
      name: customer.name,
      emails: [customer.email].filter(realEmail),
      phones: phones.map((p) => ({ e164: p.e164, optedOut: Boolean(Number(p.optedOut)) })),
      company: customer.companyId && customer.companyName ? { id: customer.companyId, name: customer.companyName } : null,
      companyAdmin: Boolean(customer.companyAdmin),
      language: customer.language,
      status: customer.status,
      createdAt: toIso(customer.createdAt),
      ticketCount: Number(counts[0]?.total ?? 0),
      openTicketCount: Number(counts[0]?.open ?? 0),
      channels: channels.map((c) => ({ channel: c.channel, count: Number(c.count) })),
      interactions: interactions.map((i) => ({
        entryId: Number(i.entryId),
        ticketId: i.ticketId,
        subject: i.subject,
        kind: i.kind,
        channel: i.channel,
        fromCustomer: i.authorId === customerId,
        excerpt: i.body.replace(/\s+/g, ' ').trim().slice(0, 200),
        createdAt: toIso(i.createdAt),
      })),
      notes,
      satisfaction: {
        average: summary.average === null ? null : Math.round(Number(summary.average) * 100) / 100,
        count: Number(summary.count),
        ratings: ratings.map((r) => ({ ticketId: r.ticketId, subject: r.subject, rating: Number(r.rating), comment: r.comment, createdAt: toIso(r.createdAt) })),
      },
    };
  }

  async notes(customerId: number, transaction?: Transaction): Promise<CustomerNote[]> {
    const rows = await this.select<{ id: number; body: string; authorId: number | null; authorName: string | null; createdAt: Date }>(
      `SELECT n.id, n.body, n.author_id AS authorId, a.name AS authorName, n.created_at AS createdAt
       FROM customer_notes n LEFT JOIN users a ON a.id = n.author_id WHERE n.customer_id = ? ORDER BY n.created_at DESC, n.id DESC`,
      [customerId],
      transaction,
    );
    return rows.map((n) => ({ id: n.id, body: n.body, author: n.authorId && n.authorName ? { id: n.authorId, name: n.authorName } : null, createdAt: toIso(n.createdAt) }));
  }

  async addNote(customerId: number, authorId: number, body: string, transaction: Transaction): Promise<number> {
    return insertRow(this.sequelize, 'customer_notes', { customerId, authorId, body, createdAt: new Date() }, transaction);
  }
}
