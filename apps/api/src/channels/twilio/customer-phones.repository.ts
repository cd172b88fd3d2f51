import { Injectable } from '@nestjs/common';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { phonePlaceholderEmail } from './twilio-address.js';

export interface CustomerPhone {
  userId: number;
  e164: string;
  optedOutAt: Date | null;
}

interface Row {
  user_id: number;
  e164: string;
  opted_out_at: Date | null;
}

export const WITHHELD_EMAIL = 'withheld@phone.invalid';

const toPhone = (r: Row): CustomerPhone => ({ userId: Number(r.user_id), e164: r.e164, optedOutAt: r.opted_out_at });

/** customer_phones: who owns a number, and whether it said STOP. */
@Injectable()
export class CustomerPhonesRepository {
  constructor(private readonly sequelize: Sequelize) {}

  async byNumber(e164: string): Promise<CustomerPhone | null> {
    const [row] = await this.sequelize.query<Row>('SELECT user_id, e164, opted_out_at FROM customer_phones WHERE e164 = ?', {
      type: QueryTypes.SELECT,
      replacements: [e164],
    });
    return row ? toPhone(row) : null;
  }

  /** The number a customer last wrote from (a customer may have several). */
  async latestOf(userId: number): Promise<CustomerPhone | null> {
    const [row] = await this.sequelize.query<Row>(
      'SELECT user_id, e164, opted_out_at FROM customer_phones WHERE user_id = ? ORDER BY updated_at DESC, id DESC LIMIT 1',
      { type: QueryTypes.SELECT, replacements: [userId] },
    );
    return row ? toPhone(row) : null;
  }

  /**
   * The customer who owns this number, created (role customer, no password, a placeholder email
   * that never receives mail) when nobody does. Safe under concurrent first messages from one
   * number: the unique keys decide, and the loser reads the winner's row.
   */
  async findOrCreate(e164: string, name: string | null): Promise<CustomerPhone> {
    const known = await this.byNumber(e164);
    if (known) return known;
    const userId = await this.placeholderCustomer(phonePlaceholderEmail(e164), name?.trim() || e164);
    await this.sequelize.query('INSERT INTO customer_phones (user_id, e164) VALUES (?, ?) ON DUPLICATE KEY UPDATE id = id', {
      replacements: [userId, e164],
    });
    return (await this.byNumber(e164))!;
  }

  /** The one customer that stands for every caller whose number is withheld (no phone row: nobody can be called back). */
  withheldCaller(): Promise<number> {
    return this.placeholderCustomer(WITHHELD_EMAIL, 'Unknown caller');
  }

  /** A customer without a password, by a placeholder email; created once (the unique email decides races). */
  private async placeholderCustomer(email: string, name: string): Promise<number> {
    await this.sequelize.query(
      `INSERT INTO users (email, name, password_hash, role, company_id) VALUES (?, ?, NULL, 'customer', NULL)
       ON DUPLICATE KEY UPDATE id = id`,
      { replacements: [email, name.slice(0, 120)] },
    );
    const [user] = await this.sequelize.query<{ id: number }>('SELECT id FROM users WHERE email = ?', {
      type: QueryTypes.SELECT,
      replacements: [email],
    });
    return Number(user.id);
  }

  /** Links a number a signed-in customer gave us to them, unless it already belongs to someone. */
  async claim(userId: number, e164: string) {
    await this.sequelize.query('INSERT INTO customer_phones (user_id, e164) VALUES (?, ?) ON DUPLICATE KEY UPDATE id = id', {
      replacements: [userId, e164],
    });
  }

  /** STOP records when; START clears it. Returns whether anything changed. */
  async setOptedOut(e164: string, optedOut: boolean): Promise<boolean> {
    const [, affected] = (await this.sequelize.query(
      optedOut
        ? 'UPDATE customer_phones SET opted_out_at = CURRENT_TIMESTAMP(3) WHERE e164 = ? AND opted_out_at IS NULL'
        : 'UPDATE customer_phones SET opted_out_at = NULL WHERE e164 = ? AND opted_out_at IS NOT NULL',
      { replacements: [e164], type: QueryTypes.UPDATE },
    )) as unknown as [unknown, number];
    return affected > 0;
  }

  /** The number was just used: it becomes the one replies go to. */
  async touch(e164: string) {
    await this.sequelize.query('UPDATE customer_phones SET updated_at = CURRENT_TIMESTAMP(3) WHERE e164 = ?', { replacements: [e164] });
  }
}
