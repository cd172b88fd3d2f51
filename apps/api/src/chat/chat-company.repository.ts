import { Injectable } from '@nestjs/common';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';

export interface ChatCompany {
  id: number;
  name: string;
  brandName: string | null;
  brandPrimaryColor: string | null;
  brandAccentColor: string | null;
  chatEnabled: boolean;
  chatSecret: string | null;
  inviteAfterSeconds: number | null;
  inviteUrlPattern: string | null;
  inviteMessage: string | null;
  /** The category new chats get: the routing rules of that category route them. */
  categoryId: number | null;
}

/** The chat columns of companies: whether chat is on, its secret, the invitation and the category new chats get. */
@Injectable()
export class ChatCompanyRepository {
  constructor(private readonly sequelize: Sequelize) {}

  async company(id: number): Promise<ChatCompany | null> {
    const [row] = await this.sequelize.query<Record<string, unknown>>(
      `SELECT id, name, brand_name, brand_primary_color, brand_accent_color, chat_enabled, chat_secret,
              chat_invite_after_seconds, chat_invite_url_pattern, chat_invite_message, chat_category_id FROM companies WHERE id = ?`,
      { replacements: [id], type: QueryTypes.SELECT },
    );
    if (!row) return null;
    return {
      id: Number(row.id),
      name: String(row.name),
      brandName: (row.brand_name as string) ?? null,
      brandPrimaryColor: (row.brand_primary_color as string) ?? null,
      brandAccentColor: (row.brand_accent_color as string) ?? null,
      chatEnabled: Boolean(row.chat_enabled),
      chatSecret: (row.chat_secret as string) ?? null,
      inviteAfterSeconds: row.chat_invite_after_seconds == null ? null : Number(row.chat_invite_after_seconds),
      inviteUrlPattern: (row.chat_invite_url_pattern as string) ?? null,
      inviteMessage: (row.chat_invite_message as string) ?? null,
      categoryId: row.chat_category_id == null ? null : Number(row.chat_category_id),
    };
  }

  async saveCompanySettings(
    id: number,
    data: { enabled: boolean; secret?: string; inviteAfterSeconds?: number | null; inviteUrlPattern?: string | null; inviteMessage?: string | null; categoryId?: number | null },
    transaction: Transaction,
  ) {
    const sets = ['chat_enabled = ?'];
    const values: unknown[] = [data.enabled];
    if (data.secret !== undefined) (sets.push('chat_secret = ?'), values.push(data.secret));
    if (data.inviteAfterSeconds !== undefined) (sets.push('chat_invite_after_seconds = ?'), values.push(data.inviteAfterSeconds));
    if (data.inviteUrlPattern !== undefined) (sets.push('chat_invite_url_pattern = ?'), values.push(data.inviteUrlPattern || null));
    if (data.inviteMessage !== undefined) (sets.push('chat_invite_message = ?'), values.push(data.inviteMessage || null));
    if (data.categoryId !== undefined) (sets.push('chat_category_id = ?'), values.push(data.categoryId));
    await this.sequelize.query(`UPDATE companies SET ${sets.join(', ')} WHERE id = ?`, { replacements: [...values, id], transaction });
  }
}
