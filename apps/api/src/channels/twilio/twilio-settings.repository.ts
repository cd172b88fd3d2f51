import { Injectable } from '@nestjs/common';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';

/** The admin-edited Twilio settings (one row); NULL means "use the environment". */
export interface TwilioSettingsRow {
  account_sid: string | null;
  auth_token_encrypted: string | null;
  sms_from: string | null;
  whatsapp_from: string | null;
  voice_greeting: string | null;
  agent_phones: string | null;
  business_hours: string | null;
  time_zone: string | null;
  whatsapp_templates: string | null;
  updated_by: number | null;
  updated_at: Date | null;
}

export type TwilioSettingsChange = Partial<Omit<TwilioSettingsRow, 'updated_by' | 'updated_at'>>;

const COLUMNS = ['account_sid', 'auth_token_encrypted', 'sms_from', 'whatsapp_from', 'voice_greeting', 'agent_phones', 'business_hours', 'time_zone', 'whatsapp_templates'] as const;

@Injectable()
export class TwilioSettingsRepository {
  constructor(private readonly sequelize: Sequelize) {}

  async get(): Promise<TwilioSettingsRow | null> {
    const [row] = await this.sequelize.query<TwilioSettingsRow>('SELECT * FROM twilio_settings WHERE id = 1', { type: QueryTypes.SELECT });
    return row ?? null;
  }

  /** Writes the given columns (undefined: unchanged) and who changed them. */
  async save(change: TwilioSettingsChange, userId: number) {
    const columns = COLUMNS.filter((c) => change[c] !== undefined);
    const values = columns.map((c) => change[c] ?? null);
    await this.sequelize.query(
      `INSERT INTO twilio_settings (id, ${[...columns, 'updated_by'].join(', ')}) VALUES (1, ${[...columns, 'updated_by'].map(() => '?').join(', ')})
       ON DUPLICATE KEY UPDATE ${[...columns, 'updated_by'].map((c) => `${c} = VALUES(${c})`).join(', ')}`,
      { replacements: [...values, userId] },
    );
  }
}
