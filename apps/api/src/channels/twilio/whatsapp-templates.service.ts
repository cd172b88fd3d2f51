import { Injectable } from '@nestjs/common';
import type { WhatsappTemplate } from '@switchboard/contracts';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { TwilioSettingsRepository } from './twilio-settings.repository.js';
import { parseWhatsappTemplates } from './whatsapp-templates.js';

export interface SentTemplate {
  name: string;
  contentSid: string;
  variables: Record<string, string>;
}

/** The approved WhatsApp templates (admin phone settings), and the template a reply was sent as. */
@Injectable()
export class WhatsappTemplatesService {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly settings: TwilioSettingsRepository,
  ) {}

  async list(): Promise<WhatsappTemplate[]> {
    const parsed = parseWhatsappTemplates((await this.settings.get())?.whatsapp_templates);
    return 'templates' in parsed ? parsed.templates : [];
  }

  async sentAs(entryId: number): Promise<SentTemplate | null> {
    const [row] = await this.sequelize.query<{ name: string; content_sid: string; variables: string | Record<string, string> }>(
      'SELECT name, content_sid, variables FROM ticket_entry_templates WHERE entry_id = ?',
      { type: QueryTypes.SELECT, replacements: [entryId] },
    );
    if (!row) return null;
    return { name: row.name, contentSid: row.content_sid, variables: typeof row.variables === 'string' ? JSON.parse(row.variables) : row.variables };
  }
}
