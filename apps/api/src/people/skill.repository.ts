import { Injectable } from '@nestjs/common';
import type { Skill } from '@switchboard/contracts';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';

@Injectable()
export class SkillRepository {
  constructor(private readonly sequelize: Sequelize) {}

  async list(): Promise<Skill[]> {
    const rows = await this.sequelize.query<Skill>(
      'SELECT s.id, s.name, (SELECT COUNT(*) FROM agent_skills a WHERE a.skill_id = s.id) AS agentCount FROM skills s ORDER BY s.name',
      { type: QueryTypes.SELECT },
    );
    return rows.map((r) => ({ ...r, agentCount: Number(r.agentCount) }));
  }

  async exists(id: number, transaction?: Transaction) {
    const rows = await this.sequelize.query('SELECT id FROM skills WHERE id = ?', { replacements: [id], type: QueryTypes.SELECT, transaction });
    return rows.length > 0;
  }

  /** Creates or renames; a duplicate name raises the unique-key error for the handler to name. */
  async save(input: { id?: number; name: string }, transaction: Transaction): Promise<number> {
    if (input.id) {
      await this.sequelize.query('UPDATE skills SET name = ? WHERE id = ?', { replacements: [input.name, input.id], transaction });
      return input.id;
    }
    const [id] = (await this.sequelize.query('INSERT INTO skills (name) VALUES (?)', {
      replacements: [input.name],
      type: QueryTypes.INSERT,
      transaction,
    })) as unknown as [number];
    return Number(id);
  }
}
