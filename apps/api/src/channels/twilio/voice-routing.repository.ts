import { Injectable } from '@nestjs/common';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { parseTwilioAddress } from './twilio-address.js';

/** Twilio rings at most 10 numbers in one <Dial>. */
export const MAX_DIALED = 10;

/** Who the phone line greets and rings: a caller's company greeting, and the phones of the agents who are online. */
@Injectable()
export class VoiceRoutingRepository {
  constructor(private readonly sequelize: Sequelize) {}

  /** The greeting of the company the caller's number belongs to (one of its users), if it has one. */
  async companyGreeting(from: string | undefined): Promise<string | null> {
    const caller = parseTwilioAddress(from);
    if (!caller) return null;
    const [row] = await this.sequelize.query<{ greeting: string }>(
      `SELECT c.voice_greeting AS greeting FROM customer_phones p
         JOIN users u ON u.id = p.user_id JOIN companies c ON c.id = u.company_id
        WHERE p.e164 = ? AND c.voice_greeting IS NOT NULL AND c.voice_greeting <> ''`,
      { type: QueryTypes.SELECT, replacements: [caller.e164] },
    );
    return row?.greeting ?? null;
  }

  /** The phones of active staff who are online now (their availability), at most MAX_DIALED. */
  async onlineAgentPhones(): Promise<string[]> {
    const rows = await this.sequelize.query<{ phone: string }>(
      `SELECT phone FROM users WHERE role IN ('agent', 'manager', 'admin') AND status = 'active' AND availability = 'online'
          AND phone IS NOT NULL AND phone <> '' ORDER BY id LIMIT ${MAX_DIALED}`,
      { type: QueryTypes.SELECT },
    );
    return [...new Set(rows.map((r) => r.phone))];
  }
}
