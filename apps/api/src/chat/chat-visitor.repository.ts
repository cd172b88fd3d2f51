import { Injectable } from '@nestjs/common';
import { QueryTypes, UniqueConstraintError, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { insertRow } from '../database/insert-row.js';

/** Visitors: the identified ones a company's site vouches for (chat_visitors), and the name an anonymous one types. */
@Injectable()
export class ChatVisitorRepository {
  constructor(private readonly sequelize: Sequelize) {}

  async visitorUserId(companyId: number, externalId: string): Promise<number | null> {
    const [row] = await this.sequelize.query<{ user_id: number }>('SELECT user_id FROM chat_visitors WHERE company_id = ? AND external_id = ?', {
      replacements: [companyId, externalId],
      type: QueryTypes.SELECT,
    });
    return row ? Number(row.user_id) : null;
  }

  async rememberVisitor(companyId: number, externalId: string, userId: number, transaction: Transaction) {
    await insertRow(this.sequelize, 'chat_visitors', { companyId, externalId, userId }, transaction);
  }

  /** Gives an anonymous visitor's user the name and email they typed (the email only if nobody has it yet). */
  async nameVisitor(userId: number, name: string, email: string): Promise<void> {
    await this.sequelize.query('UPDATE users SET name = ? WHERE id = ?', { replacements: [name, userId] });
    try {
      await this.sequelize.query(`UPDATE users SET email = ? WHERE id = ? AND email LIKE '%${VISITOR_EMAIL_DOMAIN}'`, { replacements: [email, userId] });
    } catch (error) {
      if (!(error instanceof UniqueConstraintError)) throw error;
    }
  }
}

/** Anonymous visitors get an address under this reserved domain: the mailer never sends to `.invalid`. */
export const VISITOR_EMAIL_DOMAIN = '@chat-visitors.invalid';
