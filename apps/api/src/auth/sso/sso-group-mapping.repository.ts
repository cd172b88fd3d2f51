import { Injectable } from '@nestjs/common';
import type { SsoGroupMapping, SsoGroupMappings } from '@switchboard/contracts';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';

export type StaffRole = 'agent' | 'manager' | 'admin';
export type MappingRow = SsoGroupMappings['mappings'][number];

/** The admins' group -> role/team mapping for single sign-on, and the user rows provisioning changes. */
@Injectable()
export class SsoGroupMappingRepository {
  constructor(private readonly sequelize: Sequelize) {}

  async list(transaction?: Transaction): Promise<MappingRow[]> {
    const rows = await this.sequelize.query<{ group: string; role: StaffRole | null; teamId: number | null; teamName: string | null }>(
      `SELECT m.group_name AS \`group\`, m.role, m.team_id AS teamId, t.name AS teamName
       FROM sso_group_mappings m LEFT JOIN teams t ON t.id = m.team_id ORDER BY m.id`,
      { type: QueryTypes.SELECT, transaction },
    );
    return rows.map((r) => ({ group: r.group, role: r.role ?? null, teamId: r.teamId === null ? null : Number(r.teamId), teamName: r.teamName ?? null }));
  }

  async replace(mappings: SsoGroupMapping[], transaction: Transaction) {
    await this.sequelize.query('DELETE FROM sso_group_mappings', { transaction });
    if (mappings.length === 0) return;
    await this.sequelize.query(`INSERT INTO sso_group_mappings (group_name, role, team_id) VALUES ${mappings.map(() => '(?, ?, ?)').join(', ')}`, {
      replacements: mappings.flatMap((m) => [m.group, m.role, m.teamId]),
      transaction,
    });
  }

  async existingTeams(ids: number[], transaction: Transaction): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const rows = await this.sequelize.query<{ id: number }>('SELECT id FROM teams WHERE id IN (?)', { replacements: [ids], type: QueryTypes.SELECT, transaction });
    return new Set(rows.map((r) => Number(r.id)));
  }

  /** The user's role, locked for the change. */
  async lockRole(userId: number, transaction: Transaction): Promise<StaffRole | null> {
    const [row] = await this.sequelize.query<{ role: string }>('SELECT role FROM users WHERE id = ? FOR UPDATE', {
      replacements: [userId],
      type: QueryTypes.SELECT,
      transaction,
    });
    return (row?.role as StaffRole | undefined) ?? null;
  }

  /**
   * Active admins other than this user, with their rows locked: two last admins demoted at the same
   * moment are counted one after the other, so one of them stays.
   */
  async otherActiveAdmins(userId: number, transaction: Transaction): Promise<number> {
    const rows = await this.sequelize.query<{ id: number }>("SELECT id FROM users WHERE role = 'admin' AND status = 'active' AND id <> ? FOR UPDATE", {
      replacements: [userId],
      type: QueryTypes.SELECT,
      transaction,
    });
    return rows.length;
  }

  async setRole(userId: number, role: StaffRole, transaction: Transaction) {
    await this.sequelize.query('UPDATE users SET role = ? WHERE id = ?', { replacements: [role, userId], transaction });
  }

  async teamsOf(userId: number, transaction: Transaction): Promise<number[]> {
    const rows = await this.sequelize.query<{ teamId: number }>('SELECT team_id AS teamId FROM team_members WHERE user_id = ? ORDER BY team_id', {
      replacements: [userId],
      type: QueryTypes.SELECT,
      transaction,
    });
    return rows.map((r) => Number(r.teamId));
  }

  async addToTeams(userId: number, teamIds: number[], transaction: Transaction) {
    if (teamIds.length === 0) return;
    await this.sequelize.query(`INSERT IGNORE INTO team_members (team_id, user_id) VALUES ${teamIds.map(() => '(?, ?)').join(', ')}`, {
      replacements: teamIds.flatMap((t) => [t, userId]),
      transaction,
    });
  }

  async removeFromTeams(userId: number, teamIds: number[], transaction: Transaction) {
    if (teamIds.length === 0) return;
    await this.sequelize.query('DELETE FROM team_members WHERE user_id = ? AND team_id IN (?)', { replacements: [userId, teamIds], transaction });
  }
}
