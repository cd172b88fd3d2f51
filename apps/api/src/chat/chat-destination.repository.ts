import { Injectable } from '@nestjs/common';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';

/** Where a chat may go: an active staff member or a team (a transfer), a category (new chats of a company). */
@Injectable()
export class ChatDestinationRepository {
  constructor(private readonly sequelize: Sequelize) {}

  /** A staff member or team that may receive a transferred chat. */
  async staffExists(userId: number): Promise<boolean> {
    const [row] = await this.sequelize.query("SELECT id FROM users WHERE id = ? AND role IN ('agent','manager','admin') AND status = 'active'", {
      replacements: [userId],
      type: QueryTypes.SELECT,
    });
    return Boolean(row);
  }

  async categoryExists(categoryId: number): Promise<boolean> {
    const [row] = await this.sequelize.query('SELECT id FROM categories WHERE id = ?', { replacements: [categoryId], type: QueryTypes.SELECT });
    return Boolean(row);
  }

  async teamExists(teamId: number): Promise<boolean> {
    const [row] = await this.sequelize.query('SELECT id FROM teams WHERE id = ?', { replacements: [teamId], type: QueryTypes.SELECT });
    return Boolean(row);
  }
}
