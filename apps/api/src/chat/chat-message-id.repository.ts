import { Injectable } from '@nestjs/common';
import { QueryTypes, UniqueConstraintError } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { insertRow } from '../database/insert-row.js';

/** chat_messages: the client ids of visitor messages, so a retried post stores its message once. */
@Injectable()
export class ChatMessageIdRepository {
  constructor(private readonly sequelize: Sequelize) {}

  /**
   * Claims a visitor message's client id before the message is stored: null if this call claimed it,
   * else the entry id the first post stored (0 while that post is still in flight).
   */
  async claimClientId(sessionId: number, clientId: string): Promise<number | null> {
    try {
      await insertRow(this.sequelize, 'chat_messages', { sessionId, clientId });
      return null;
    } catch (error) {
      if (!(error instanceof UniqueConstraintError)) throw error;
      const [row] = await this.sequelize.query<{ entry_id: number | null }>('SELECT entry_id FROM chat_messages WHERE session_id = ? AND client_id = ?', {
        replacements: [sessionId, clientId],
        type: QueryTypes.SELECT,
      });
      return row?.entry_id == null ? 0 : Number(row.entry_id);
    }
  }

  async recordClientId(sessionId: number, clientId: string, entryId: number) {
    await this.sequelize.query('UPDATE chat_messages SET entry_id = ? WHERE session_id = ? AND client_id = ?', { replacements: [entryId, sessionId, clientId] });
  }

  async releaseClientId(sessionId: number, clientId: string) {
    await this.sequelize.query('DELETE FROM chat_messages WHERE session_id = ? AND client_id = ? AND entry_id IS NULL', { replacements: [sessionId, clientId] });
  }
}
