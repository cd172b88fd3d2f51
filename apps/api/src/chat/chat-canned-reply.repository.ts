import { Injectable } from '@nestjs/common';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { insertRow } from '../database/insert-row.js';

/** chat_canned_replies: the answers agents insert with one click. */
@Injectable()
export class ChatCannedReplyRepository {
  constructor(private readonly sequelize: Sequelize) {}

  async cannedReplies(): Promise<Array<{ id: number; title: string; body: string }>> {
    const rows = await this.sequelize.query<{ id: number; title: string; body: string }>('SELECT id, title, body FROM chat_canned_replies ORDER BY title', {
      type: QueryTypes.SELECT,
    });
    return rows.map((r) => ({ id: Number(r.id), title: r.title, body: r.body }));
  }

  async addCannedReply(title: string, body: string): Promise<number> {
    return insertRow(this.sequelize, 'chat_canned_replies', { title, body });
  }
}
