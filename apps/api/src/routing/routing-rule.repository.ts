import { Injectable } from '@nestjs/common';
import type { RoutingRule } from '@switchboard/contracts';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';

const TABLE = { category: 'categories', issue_type: 'issue_types' } as const;

/** Which team and skill a category or an issue type asks for (columns on those reference tables). */
@Injectable()
export class RoutingRuleRepository {
  constructor(private readonly sequelize: Sequelize) {}

  async list(): Promise<RoutingRule[]> {
    const rows = await this.sequelize.query<RoutingRule>(
      `SELECT 'category' AS kind, id, name, team_id AS teamId, skill_id AS skillId FROM categories
       UNION ALL SELECT 'issue_type', id, name, team_id, skill_id FROM issue_types ORDER BY kind, name`,
      { type: QueryTypes.SELECT },
    );
    return rows;
  }

  async get(kind: RoutingRule['kind'], id: number, transaction?: Transaction): Promise<RoutingRule | null> {
    const rows = await this.sequelize.query<RoutingRule>(`SELECT ? AS kind, id, name, team_id AS teamId, skill_id AS skillId FROM ${TABLE[kind]} WHERE id = ?`, {
      replacements: [kind, id],
      type: QueryTypes.SELECT,
      transaction,
    });
    return rows[0] ?? null;
  }

  async exists(table: 'teams' | 'skills', id: number, transaction: Transaction) {
    return (await this.sequelize.query(`SELECT id FROM ${table} WHERE id = ?`, { replacements: [id], type: QueryTypes.SELECT, transaction })).length > 0;
  }

  async set(kind: RoutingRule['kind'], id: number, teamId: number | null, skillId: number | null, transaction: Transaction) {
    await this.sequelize.query(`UPDATE ${TABLE[kind]} SET team_id = ?, skill_id = ? WHERE id = ?`, { replacements: [teamId, skillId, id], transaction });
  }
}
