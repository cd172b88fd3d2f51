import { Injectable } from '@nestjs/common';
import type { AgentProfile, Availability, WorkingHours } from '@switchboard/contracts';
import { SYSTEM_USER_EMAIL } from '@switchboard/migrations';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';

const STAFF = "('agent','manager','admin')";

interface ProfileRow {
  id: number;
  name: string;
  email: string;
  role: AgentProfile['role'];
  status: AgentProfile['status'];
  availability: Availability;
  capacity: number;
  timezone: string;
  workingHours: string | null;
  phone: string | null;
  openTickets: number;
}

export interface ProfileChanges {
  name?: string;
  role?: AgentProfile['role'];
  status?: AgentProfile['status'];
  capacity?: number;
  timezone?: string;
  workingHours?: WorkingHours;
  /** E.164, or null to clear. */
  phone?: string | null;
}

const parseHours = (text: string | null): WorkingHours => {
  if (!text) return [];
  try {
    return JSON.parse(text) as WorkingHours;
  } catch {
    return [];
  }
};

/** Staff profiles: the users row's profile columns plus languages, skills and team memberships. */
@Injectable()
export class AgentProfileRepository {
  constructor(private readonly sequelize: Sequelize) {}

  private select<T extends object>(sql: string, replacements: unknown[], transaction?: Transaction) {
    return this.sequelize.query<T>(sql, { replacements, type: QueryTypes.SELECT, transaction });
  }

  async list(filter: { ids?: number[]; teamId?: number }, transaction?: Transaction): Promise<AgentProfile[]> {
    // The reserved system user (author of automatic changes) is not a person to route to or edit.
    const where = [`u.role IN ${STAFF}`, 'u.email <> ?'];
    const params: unknown[] = [SYSTEM_USER_EMAIL];
    if (filter.ids) {
      if (filter.ids.length === 0) return [];
      where.push('u.id IN (?)');
      params.push(filter.ids);
    }
    if (filter.teamId) {
      where.push('u.id IN (SELECT user_id FROM team_members WHERE team_id = ?)');
      params.push(filter.teamId);
    }
    const rows = await this.select<ProfileRow>(
      `SELECT u.id, u.name, u.email, u.role, u.status, u.availability, u.capacity, u.timezone, u.working_hours AS workingHours, u.phone,
              (SELECT COUNT(*) FROM tickets t WHERE t.assignee_id = u.id AND t.status NOT IN ('resolved','closed')) AS openTickets
       FROM users u WHERE ${where.join(' AND ')} ORDER BY u.name, u.id`,
      params,
      transaction,
    );
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [languages, skills, teams] = await Promise.all([
      this.select<{ userId: number; language: string }>('SELECT user_id AS userId, language FROM agent_languages WHERE user_id IN (?) ORDER BY language', [ids], transaction),
      this.select<{ userId: number; skillId: number; name: string; level: number }>(
        'SELECT a.user_id AS userId, a.skill_id AS skillId, s.name, a.level FROM agent_skills a JOIN skills s ON s.id = a.skill_id WHERE a.user_id IN (?) ORDER BY s.name',
        [ids],
        transaction,
      ),
      this.select<{ userId: number; id: number; name: string }>(
        'SELECT m.user_id AS userId, t.id, t.name FROM team_members m JOIN teams t ON t.id = m.team_id WHERE m.user_id IN (?) ORDER BY t.name',
        [ids],
        transaction,
      ),
    ]);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      role: r.role,
      status: r.status,
      availability: r.availability,
      capacity: Number(r.capacity),
      openTickets: Number(r.openTickets),
      timezone: r.timezone,
      workingHours: parseHours(r.workingHours),
      phone: r.phone ?? null,
      languages: languages.filter((l) => l.userId === r.id).map((l) => l.language),
      skills: skills.filter((s) => s.userId === r.id).map(({ skillId, name, level }) => ({ skillId, name, level: Number(level) })),
      teams: teams.filter((t) => t.userId === r.id).map(({ id, name }) => ({ id, name })),
    }));
  }

  async get(id: number, transaction?: Transaction): Promise<AgentProfile | null> {
    return (await this.list({ ids: [id] }, transaction))[0] ?? null;
  }

  /** Locks the user row: profile changes of one person are serialised. */
  async lockUser(id: number, transaction: Transaction) {
    const rows = await this.select<{ id: number; role: string; status: string; availability: Availability; email: string }>(
      'SELECT id, role, status, availability, email FROM users WHERE id = ? FOR UPDATE',
      [id],
      transaction,
    );
    return rows[0] ?? null;
  }

  async update(id: number, changes: ProfileChanges, transaction: Transaction) {
    const sets: string[] = [];
    const params: unknown[] = [];
    const column: Record<keyof ProfileChanges, string> = {
      name: 'name', role: 'role', status: 'status', capacity: 'capacity', timezone: 'timezone', workingHours: 'working_hours', phone: 'phone',
    };
    for (const [key, value] of Object.entries(changes) as [keyof ProfileChanges, unknown][]) {
      if (value === undefined) continue;
      sets.push(`${column[key]} = ?`);
      params.push(key === 'workingHours' ? JSON.stringify(value) : value);
    }
    if (sets.length === 0) return;
    await this.sequelize.query(`UPDATE users SET ${sets.join(', ')} WHERE id = ?`, { replacements: [...params, id], transaction });
  }

  async setAvailability(id: number, availability: Availability, transaction: Transaction) {
    await this.sequelize.query('UPDATE users SET availability = ? WHERE id = ?', { replacements: [availability, id], transaction });
  }

  async setLanguages(id: number, languages: string[], transaction: Transaction) {
    await this.sequelize.query('DELETE FROM agent_languages WHERE user_id = ?', { replacements: [id], transaction });
    const unique = [...new Set(languages)];
    if (unique.length) {
      await this.sequelize.query(`INSERT INTO agent_languages (user_id, language) VALUES ${unique.map(() => '(?, ?)').join(', ')}`, {
        replacements: unique.flatMap((l) => [id, l]),
        transaction,
      });
    }
  }

  async setTeams(id: number, teamIds: number[], transaction: Transaction) {
    await this.sequelize.query('DELETE FROM team_members WHERE user_id = ?', { replacements: [id], transaction });
    const unique = [...new Set(teamIds)];
    if (unique.length) {
      await this.sequelize.query(`INSERT INTO team_members (team_id, user_id) VALUES ${unique.map(() => '(?, ?)').join(', ')}`, {
        replacements: unique.flatMap((t) => [t, id]),
        transaction,
      });
    }
  }

  async setSkills(id: number, skills: { skillId: number; level: number }[], transaction: Transaction) {
    await this.sequelize.query('DELETE FROM agent_skills WHERE user_id = ?', { replacements: [id], transaction });
    const unique = [...new Map(skills.map((s) => [s.skillId, s])).values()];
    if (unique.length) {
      await this.sequelize.query(`INSERT INTO agent_skills (user_id, skill_id, level) VALUES ${unique.map(() => '(?, ?, ?)').join(', ')}`, {
        replacements: unique.flatMap((s) => [id, s.skillId, s.level]),
        transaction,
      });
    }
  }

  /** The ids among `ids` that exist in `table` (teams, skills), to name a bad reference. */
  async existing(table: 'teams' | 'skills', ids: number[], transaction?: Transaction): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const rows = await this.select<{ id: number }>(`SELECT id FROM ${table} WHERE id IN (?)`, [ids], transaction);
    return new Set(rows.map((r) => r.id));
  }

  /** Staff users among `ids` (team members and company agents must be staff). */
  async staffIds(ids: number[], transaction?: Transaction): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const rows = await this.select<{ id: number }>(`SELECT id FROM users WHERE id IN (?) AND role IN ${STAFF}`, [ids], transaction);
    return new Set(rows.map((r) => r.id));
  }
}
