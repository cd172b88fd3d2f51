import { Injectable } from '@nestjs/common';
import type { RoutingStrategy, Team } from '@switchboard/contracts';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';

/** Teams with their members, routing strategy and the number of tickets waiting in their queue. */
@Injectable()
export class TeamRepository {
  constructor(private readonly sequelize: Sequelize) {}

  async list(ids?: number[], transaction?: Transaction): Promise<Team[]> {
    if (ids && ids.length === 0) return [];
    const teams = await this.sequelize.query<{ id: number; name: string; routingStrategy: RoutingStrategy; isDefault: number; waiting: number }>(
      `SELECT t.id, t.name, t.routing_strategy AS routingStrategy, t.is_default AS isDefault,
              (SELECT COUNT(*) FROM tickets k WHERE k.team_id = t.id AND k.assignee_id IS NULL AND k.status NOT IN ('resolved','closed')) AS waiting
       FROM teams t ${ids ? 'WHERE t.id IN (?)' : ''} ORDER BY t.name`,
      { replacements: ids ? [ids] : [], type: QueryTypes.SELECT, transaction },
    );
    if (teams.length === 0) return [];
    const members = await this.sequelize.query<{ teamId: number; id: number; name: string; availability: Team['members'][number]['availability'] }>(
      `SELECT m.team_id AS teamId, u.id, u.name, u.availability FROM team_members m JOIN users u ON u.id = m.user_id
       WHERE m.team_id IN (?) ORDER BY u.name`,
      { replacements: [teams.map((t) => t.id)], type: QueryTypes.SELECT, transaction },
    );
    return teams.map((t) => ({
      id: t.id,
      name: t.name,
      routingStrategy: t.routingStrategy,
      isDefault: Boolean(t.isDefault),
      waiting: Number(t.waiting),
      members: members.filter((m) => m.teamId === t.id).map(({ id, name, availability }) => ({ id, name, availability })),
    }));
  }

  async save(
    input: { id?: number; name: string; routingStrategy: RoutingStrategy; isDefault: boolean; memberIds?: number[] },
    transaction: Transaction,
  ): Promise<number> {
    let id = input.id;
    // One default team at most: setting it clears the others in the same transaction.
    if (input.isDefault) await this.sequelize.query('UPDATE teams SET is_default = 0 WHERE is_default = 1', { transaction });
    if (id) {
      await this.sequelize.query('UPDATE teams SET name = ?, routing_strategy = ?, is_default = ? WHERE id = ?', {
        replacements: [input.name, input.routingStrategy, input.isDefault, id],
        transaction,
      });
    } else {
      const [newId] = (await this.sequelize.query('INSERT INTO teams (name, routing_strategy, is_default) VALUES (?, ?, ?)', {
        replacements: [input.name, input.routingStrategy, input.isDefault],
        type: QueryTypes.INSERT,
        transaction,
      })) as unknown as [number];
      id = Number(newId);
    }
    if (input.memberIds) {
      await this.sequelize.query('DELETE FROM team_members WHERE team_id = ?', { replacements: [id], transaction });
      const unique = [...new Set(input.memberIds)];
      if (unique.length) {
        await this.sequelize.query(`INSERT INTO team_members (team_id, user_id) VALUES ${unique.map(() => '(?, ?)').join(', ')}`, {
          replacements: unique.flatMap((u) => [id, u]),
          transaction,
        });
      }
    }
    return id;
  }
}
