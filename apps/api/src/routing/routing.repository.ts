import { Injectable } from '@nestjs/common';
import type { RoutingStrategy } from '@switchboard/contracts';
import { SYSTEM_USER_EMAIL } from '@switchboard/migrations';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { insertRow, insertRows } from '../database/insert-row.js';
import { isWithinWorkingHours, parseWorkingHours } from './strategies/working-hours.js';
import type { Candidate, TicketNeeds } from './strategies/candidate.js';

const CLOSED = "('resolved','closed')";

export interface RoutableTicket {
  id: number;
  subject: string;
  teamId: number | null;
  assigneeId: number | null;
  status: string;
  channel: string;
  categoryId: number | null;
  issueTypeId: number | null;
  companyId: number | null;
  companyName: string | null;
  /** The ticket's language, else the requester's. */
  language: string | null;
  urgency: string;
  importance: string;
}

export interface LockedTeam {
  id: number;
  name: string;
  strategy: RoutingStrategy;
  rrCursor: number | null;
}

/**
 * The SQL of routing. Routing in a team is serialised by `SELECT ... FOR UPDATE` on the team's row,
 * which also holds the round-robin cursor: every API and worker process takes the same lock, so two
 * tickets can never race to the same slot, and loads read under the lock are current.
 */
@Injectable()
export class RoutingRepository {
  constructor(private readonly sequelize: Sequelize) {}

  private select<T extends object>(sql: string, replacements: unknown[], transaction?: Transaction) {
    return this.sequelize.query<T>(sql, { replacements, type: QueryTypes.SELECT, transaction });
  }

  /**
   * Locks these ticket rows alone (MariaDB has no `FOR UPDATE OF`, so not joined to their requesters),
   * in id order, after the team row: the lock order is team, then tickets.
   */
  async lockTickets(ids: number[], transaction: Transaction) {
    if (ids.length === 0) return;
    await this.sequelize.query('SELECT id FROM tickets WHERE id IN (?) ORDER BY id FOR UPDATE', { replacements: [ids], type: QueryTypes.SELECT, transaction });
  }

  async ticket(id: number, transaction?: Transaction): Promise<RoutableTicket | null> {
    return (await this.tickets([id], transaction))[0] ?? null;
  }

  async tickets(ids: number[], transaction?: Transaction): Promise<RoutableTicket[]> {
    if (ids.length === 0) return [];
    return this.select<RoutableTicket>(
      `SELECT t.id, t.subject, t.team_id AS teamId, t.assignee_id AS assigneeId, t.status, t.channel, t.category_id AS categoryId,
              t.issue_type_id AS issueTypeId, t.company_id AS companyId, c.name AS companyName,
              COALESCE(t.language, r.language) AS language, t.urgency, t.importance
       FROM tickets t JOIN users r ON r.id = t.requester_id LEFT JOIN companies c ON c.id = t.company_id
       WHERE t.id IN (?)`,
      [ids],
      transaction,
    );
  }

  /** The team a new ticket belongs to: its category's, else its issue type's, else the default team. */
  async teamFor(ticket: RoutableTicket, transaction?: Transaction): Promise<{ id: number; name: string; source: string } | null> {
    const rows = await this.select<{ id: number; name: string; source: string }>(
      `SELECT t.id, t.name, x.source FROM (
         SELECT team_id AS id, CONCAT('category ', name) AS source, 1 AS rank_ FROM categories WHERE id = ? AND team_id IS NOT NULL
         UNION ALL SELECT team_id, CONCAT('issue type ', name), 2 FROM issue_types WHERE id = ? AND team_id IS NOT NULL
         UNION ALL SELECT id, 'default team', 3 FROM teams WHERE is_default = 1
       ) x JOIN teams t ON t.id = x.id ORDER BY x.rank_ LIMIT 1`,
      [ticket.categoryId ?? 0, ticket.issueTypeId ?? 0],
      transaction,
    );
    return rows[0] ?? null;
  }

  async setTeamIfUnset(ticketId: number, teamId: number, transaction: Transaction): Promise<boolean> {
    const [, meta] = (await this.sequelize.query(
      'UPDATE tickets SET team_id = ?, version = version + 1, updated_at = CURRENT_TIMESTAMP(3) WHERE id = ? AND team_id IS NULL',
      { replacements: [teamId, ticketId], transaction },
    )) as unknown as [unknown, { affectedRows?: number }];
    return (meta?.affectedRows ?? 0) > 0;
  }

  async lockTeam(teamId: number, transaction: Transaction): Promise<LockedTeam | null> {
    const rows = await this.select<LockedTeam>(
      'SELECT id, name, routing_strategy AS strategy, rr_cursor AS rrCursor FROM teams WHERE id = ? FOR UPDATE',
      [teamId],
      transaction,
    );
    return rows[0] ?? null;
  }


  /**
   * The team's staff who are active, online and within their working hours at `now` (in their own
   * time zone), with their open-ticket load, skills and languages.
   */
  async candidates(teamId: number, transaction: Transaction, now: Date = new Date()): Promise<Candidate[]> {
    const all = await this.select<{ id: number; name: string; capacity: number; load: number; timezone: string; workingHours: string | null }>(
      `SELECT u.id, u.name, u.capacity, u.timezone, u.working_hours AS workingHours,
              (SELECT COUNT(*) FROM tickets t WHERE t.assignee_id = u.id AND t.status NOT IN ${CLOSED}) AS \`load\`
       FROM team_members m JOIN users u ON u.id = m.user_id
       WHERE m.team_id = ? AND u.role IN ('agent','manager','admin') AND u.status = 'active' AND u.availability = 'online' AND u.email <> ?`,
      [teamId, SYSTEM_USER_EMAIL],
      transaction,
    );
    const rows = all.filter((r) => isWithinWorkingHours(parseWorkingHours(r.workingHours), r.timezone, now));
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [skills, languages] = await Promise.all([
      this.select<{ userId: number; skillId: number; level: number }>('SELECT user_id AS userId, skill_id AS skillId, level FROM agent_skills WHERE user_id IN (?)', [ids], transaction),
      this.select<{ userId: number; language: string }>('SELECT user_id AS userId, language FROM agent_languages WHERE user_id IN (?)', [ids], transaction),
    ]);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      capacity: Number(r.capacity),
      load: Number(r.load),
      skills: new Map(skills.filter((s) => s.userId === r.id).map((s) => [s.skillId, Number(s.level)])),
      languages: languages.filter((l) => l.userId === r.id).map((l) => l.language),
    }));
  }

  /**
   * What each ticket asks for (skills from its category and issue type, its language, its company's
   * agents), in at most three queries for the whole batch, whatever its size.
   */
  async needsOf(tickets: RoutableTicket[], transaction?: Transaction): Promise<Map<number, TicketNeeds>> {
    const distinct = (xs: (number | null)[]) => [...new Set(xs.filter((x): x is number => x !== null))];
    const categoryIds = distinct(tickets.map((t) => t.categoryId));
    const issueTypeIds = distinct(tickets.map((t) => t.issueTypeId));
    const companyIds = distinct(tickets.map((t) => t.companyId));
    const [categorySkills, issueTypeSkills, companyAgents] = await Promise.all([
      categoryIds.length
        ? this.select<{ ownerId: number; id: number; name: string }>('SELECT c.id AS ownerId, s.id, s.name FROM categories c JOIN skills s ON s.id = c.skill_id WHERE c.id IN (?)', [categoryIds], transaction)
        : Promise.resolve([]),
      issueTypeIds.length
        ? this.select<{ ownerId: number; id: number; name: string }>('SELECT i.id AS ownerId, s.id, s.name FROM issue_types i JOIN skills s ON s.id = i.skill_id WHERE i.id IN (?)', [issueTypeIds], transaction)
        : Promise.resolve([]),
      companyIds.length
        ? this.select<{ companyId: number; userId: number }>('SELECT company_id AS companyId, user_id AS userId FROM company_agents WHERE company_id IN (?)', [companyIds], transaction)
        : Promise.resolve([]),
    ]);
    return new Map(
      tickets.map((ticket) => {
        const skills = new Map<number, { id: number; name: string }>();
        for (const s of [...categorySkills.filter((c) => c.ownerId === ticket.categoryId), ...issueTypeSkills.filter((i) => i.ownerId === ticket.issueTypeId)]) {
          skills.set(Number(s.id), { id: Number(s.id), name: s.name });
        }
        return [
          ticket.id,
          {
            skills: [...skills.values()].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' })),
            language: ticket.language,
            companyName: ticket.companyName,
            companyAgentIds: companyAgents.filter((a) => a.companyId === ticket.companyId).map((a) => Number(a.userId)),
          },
        ];
      }),
    );
  }

  /**
   * Assigns each ticket to its agent in one UPDATE, only where it is still unassigned and open (a
   * manual assignment that got there first wins); returns how many rows changed.
   */
  async assignMany(assignments: { ticketId: number; agentId: number }[], transaction: Transaction): Promise<number> {
    if (assignments.length === 0) return 0;
    const [, meta] = (await this.sequelize.query(
      `UPDATE tickets SET assignee_id = CASE id ${assignments.map(() => 'WHEN ? THEN ?').join(' ')} END,
              version = version + 1, updated_at = CURRENT_TIMESTAMP(3)
       WHERE id IN (?) AND assignee_id IS NULL AND status NOT IN ${CLOSED}`,
      { replacements: [...assignments.flatMap((a) => [a.ticketId, a.agentId]), assignments.map((a) => a.ticketId)], transaction },
    )) as unknown as [unknown, { affectedRows?: number }];
    return meta?.affectedRows ?? 0;
  }

  async setCursor(teamId: number, userId: number, transaction: Transaction) {
    await this.sequelize.query('UPDATE teams SET rr_cursor = ? WHERE id = ?', { replacements: [userId, teamId], transaction });
  }

  /** A staff-only timeline event by the system, with the reason as its text. */
  async addEvent(
    ticket: Pick<RoutableTicket, 'id' | 'channel'>,
    field: 'assignee' | 'team',
    to: string | null,
    reason: string,
    transaction: Transaction,
    from: string | null = null,
  ) {
    await insertRow(
      this.sequelize,
      'ticket_entries',
      { ticketId: ticket.id, kind: 'event', visibility: 'internal', authorId: null, channel: ticket.channel, body: reason, eventField: field, eventFrom: from?.slice(0, 190) ?? null, eventTo: to?.slice(0, 190) ?? null, createdAt: new Date() },
      transaction,
    );
  }

  /** The assignee events of a batch of routed tickets, in one INSERT. */
  async addAssigneeEvents(events: { ticket: Pick<RoutableTicket, 'id' | 'channel'>; to: string; reason: string }[], transaction: Transaction) {
    const createdAt = new Date();
    await insertRows(
      this.sequelize,
      'ticket_entries',
      events.map(({ ticket, to, reason }) => ({
        ticketId: ticket.id,
        kind: 'event',
        visibility: 'internal',
        authorId: null,
        channel: ticket.channel,
        body: reason,
        eventField: 'assignee',
        eventFrom: null,
        eventTo: to.slice(0, 190),
        createdAt,
      })),
      transaction,
    );
  }

  /** A user's open tickets, for handing them back when the user is suspended. */
  async openTicketsOf(userId: number): Promise<{ id: number; channel: string }[]> {
    return this.select<{ id: number; channel: string }>(`SELECT id, channel FROM tickets WHERE assignee_id = ? AND status NOT IN ${CLOSED} ORDER BY id`, [userId]);
  }

  /** Unassigns a ticket only while it is still this user's and open: a reassignment that got there first wins. */
  async unassignFrom(ticketId: number, userId: number, transaction: Transaction): Promise<boolean> {
    const [, meta] = (await this.sequelize.query(
      `UPDATE tickets SET assignee_id = NULL, version = version + 1, updated_at = CURRENT_TIMESTAMP(3)
       WHERE id = ? AND assignee_id = ? AND status NOT IN ${CLOSED}`,
      { replacements: [ticketId, userId], transaction },
    )) as unknown as [unknown, { affectedRows?: number }];
    return (meta?.affectedRows ?? 0) > 0;
  }

  /** Suspended users who still hold open tickets (the reconciliation hands them back if an event was lost). */
  async suspendedWithOpenTickets(): Promise<{ id: number; name: string }[]> {
    return this.select<{ id: number; name: string }>(
      `SELECT u.id, u.name FROM users u WHERE u.status = 'suspended'
       AND EXISTS (SELECT 1 FROM tickets t WHERE t.assignee_id = u.id AND t.status NOT IN ${CLOSED})`,
      [],
    );
  }

  /** Unassigned open tickets of a team, most urgent first, then oldest. */
  async waiting(teamId: number, limit: number): Promise<number[]> {
    const rows = await this.select<{ id: number }>(
      `SELECT id FROM tickets WHERE team_id = ? AND assignee_id IS NULL AND status NOT IN ${CLOSED} ORDER BY priority DESC, created_at, id LIMIT ?`,
      [teamId, limit],
    );
    return rows.map((r) => r.id);
  }

  async teamsOf(userId: number): Promise<number[]> {
    const rows = await this.select<{ teamId: number }>('SELECT team_id AS teamId FROM team_members WHERE user_id = ?', [userId]);
    return rows.map((r) => r.teamId);
  }

  /** Teams that route automatically and have tickets waiting (for the periodic reconciliation). */
  async teamsWithWaiting(): Promise<number[]> {
    const rows = await this.select<{ id: number }>(
      `SELECT t.id FROM teams t WHERE t.routing_strategy <> 'manual'
       AND EXISTS (SELECT 1 FROM tickets k WHERE k.team_id = t.id AND k.assignee_id IS NULL AND k.status NOT IN ${CLOSED})`,
      [],
    );
    return rows.map((r) => r.id);
  }

  /** Who hears about a critical ticket: every online staff member and every manager. */
  criticalRecipients(transaction: Transaction) {
    return this.select<{ email: string; name: string }>(
      `SELECT email, name FROM users WHERE status = 'active' AND email <> ?
       AND ((role IN ('agent','manager','admin') AND availability = 'online') OR role = 'manager') ORDER BY id`,
      [SYSTEM_USER_EMAIL],
      transaction,
    );
  }
}
