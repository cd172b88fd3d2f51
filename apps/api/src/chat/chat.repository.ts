import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/sequelize';
import type { ChatEndReason, ChatState } from '@switchboard/contracts';
import { Op, QueryTypes, UniqueConstraintError, type Transaction, type WhereOptions } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { insertRow } from '../database/insert-row.js';
import { ChatSessionModel } from './chat-session.model.js';

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

export interface ChatRow {
  id: number;
  companyId: number;
  ticketId: number;
  visitorId: number;
  identified: boolean;
  state: ChatState;
  agentId: number | null;
  visitorName: string | null;
  visitorEmail: string | null;
  pageUrl: string | null;
  lastVisitorAt: Date;
  acceptedAt: Date | null;
  endedAt: Date | null;
  endReason: ChatEndReason | null;
  followUpAt: Date | null;
  createdAt: Date;
}

export interface ChatFacts {
  subject: string;
  status: string;
  assigneeId: number | null;
  assigneeName: string | null;
  agentName: string | null;
  visitorUserName: string;
  visitorUserEmail: string;
}

const plain = (m: ChatSessionModel): ChatRow => ({
  id: m.id as number,
  companyId: m.companyId,
  ticketId: m.ticketId,
  visitorId: m.visitorId,
  identified: Boolean(m.identified),
  state: m.state,
  agentId: m.agentId,
  visitorName: m.visitorName,
  visitorEmail: m.visitorEmail,
  pageUrl: m.pageUrl,
  lastVisitorAt: m.lastVisitorAt,
  acceptedAt: m.acceptedAt,
  endedAt: m.endedAt,
  endReason: m.endReason,
  followUpAt: m.followUpAt,
  createdAt: m.createdAt,
});

/** The chat tables (sessions, identified visitors, message client ids, canned replies) and the company chat columns. */
@Injectable()
export class ChatRepository {
  constructor(
    private readonly sequelize: Sequelize,
    @InjectModel(ChatSessionModel) private readonly sessions: typeof ChatSessionModel,
  ) {}

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

  async visitorUserId(companyId: number, externalId: string): Promise<number | null> {
    const [row] = await this.sequelize.query<{ user_id: number }>('SELECT user_id FROM chat_visitors WHERE company_id = ? AND external_id = ?', {
      replacements: [companyId, externalId],
      type: QueryTypes.SELECT,
    });
    return row ? Number(row.user_id) : null;
  }

  async rememberVisitor(companyId: number, externalId: string, userId: number, transaction: Transaction) {
    await insertRow(this.sequelize, 'chat_visitors', { companyId, externalId, userId }, transaction);
  }

  async create(
    data: { companyId: number; ticketId: number; visitorId: number; tokenHash: string; identified: boolean; visitorName: string | null; visitorEmail: string | null; pageUrl: string | null; startClientId: string | null },
    transaction?: Transaction,
  ): Promise<number> {
    return insertRow(this.sequelize, 'chat_sessions', { ...data, state: 'waiting', lastVisitorAt: new Date() }, transaction);
  }

  async byId(id: number, transaction?: Transaction): Promise<ChatRow | null> {
    const row = await this.sessions.findByPk(id, { transaction, lock: transaction ? transaction.LOCK.UPDATE : undefined });
    return row ? plain(row) : null;
  }

  /** The chat a start with this client id already opened (the widget retries a start it got no answer to). */
  async byStartClientId(companyId: number, startClientId: string): Promise<ChatRow | null> {
    const row = await this.sessions.findOne({ where: { companyId, startClientId } });
    return row ? plain(row) : null;
  }

  /** A repeated start gets a fresh token for the same chat: the first answer never reached the widget. */
  async replaceToken(id: number, tokenHash: string) {
    await this.sessions.update({ tokenHash }, { where: { id } });
  }

  async byTicket(ticketId: number): Promise<ChatRow | null> {
    const row = await this.sessions.findOne({ where: { ticketId } });
    return row ? plain(row) : null;
  }

  async byToken(id: number, tokenHash: string): Promise<ChatRow | null> {
    const row = await this.sessions.findOne({ where: { id, tokenHash } });
    return row ? plain(row) : null;
  }

  /** Chats the ability may read (`visible` is the CASL-derived where), newest first. */
  async list(visible: WhereOptions, states: ChatState[], limit = 200): Promise<ChatRow[]> {
    const rows = await this.sessions.findAll({
      where: { [Op.and]: [visible, { state: { [Op.in]: states } }] },
      order: [['id', states.includes('ended') ? 'DESC' : 'ASC']],
      limit,
    });
    return rows.map(plain);
  }

  /** The ticket's and people's names for a set of chats (read-only join, for the summaries). */
  async facts(rows: ChatRow[]): Promise<Map<number, ChatFacts>> {
    if (!rows.length) return new Map();
    const found = await this.sequelize.query<Record<string, unknown>>(
      `SELECT c.id, t.subject, t.status, t.assignee_id, a.name AS assignee_name, g.name AS agent_name, v.name AS visitor_name, v.email AS visitor_email
         FROM chat_sessions c JOIN tickets t ON t.id = c.ticket_id JOIN users v ON v.id = c.visitor_id
         LEFT JOIN users a ON a.id = t.assignee_id LEFT JOIN users g ON g.id = c.agent_id
        WHERE c.id IN (?)`,
      { replacements: [rows.map((r) => r.id)], type: QueryTypes.SELECT },
    );
    return new Map(
      found.map((r) => [
        Number(r.id),
        {
          subject: String(r.subject),
          status: String(r.status),
          assigneeId: r.assignee_id == null ? null : Number(r.assignee_id),
          assigneeName: (r.assignee_name as string) ?? null,
          agentName: (r.agent_name as string) ?? null,
          visitorUserName: String(r.visitor_name),
          visitorUserEmail: String(r.visitor_email),
        },
      ]),
    );
  }

  /** 1-based place of a waiting chat among the waiting chats nobody is offered yet (oldest first); null if offered. */
  async placeInQueue(chat: ChatRow): Promise<number | null> {
    if (chat.state !== 'waiting') return null;
    const [row] = await this.sequelize.query<{ unassigned: number; ahead: number }>(
      `SELECT (SELECT assignee_id IS NULL FROM tickets WHERE id = ?) AS unassigned,
              (SELECT COUNT(*) FROM chat_sessions c JOIN tickets t ON t.id = c.ticket_id
                WHERE c.state = 'waiting' AND t.assignee_id IS NULL AND c.id < ?) AS ahead`,
      { replacements: [chat.ticketId, chat.id], type: QueryTypes.SELECT },
    );
    return row && Number(row.unassigned) ? Number(row.ahead) + 1 : null;
  }

  async update(id: number, changes: Partial<Omit<ChatRow, 'id'>>, transaction?: Transaction) {
    await this.sessions.update(changes, { where: { id }, transaction });
  }

  /** Ends a chat that is not ended yet; false when someone else ended it first. */
  async end(id: number, reason: ChatEndReason, at: Date, transaction?: Transaction): Promise<boolean> {
    const [count] = await this.sessions.update(
      { state: 'ended', endReason: reason, endedAt: at },
      { where: { id, state: { [Op.ne]: 'ended' } }, transaction },
    );
    return count > 0;
  }

  /** Marks the follow-up email as queued, once. */
  async claimFollowUp(id: number, at: Date, transaction: Transaction): Promise<boolean> {
    const [count] = await this.sessions.update({ followUpAt: at }, { where: { id, followUpAt: null }, transaction });
    return count > 0;
  }

  async touchVisitor(id: number, at: Date) {
    await this.sessions.update({ lastVisitorAt: at }, { where: { id } });
  }

  /** The visitor is still there (their widget is open): at most one write per `everyMs`. */
  async stillThere(id: number, at: Date, everyMs = 30_000) {
    await this.sessions.update({ lastVisitorAt: at }, { where: { id, state: { [Op.ne]: 'ended' }, lastVisitorAt: { [Op.lt]: new Date(at.getTime() - everyMs) } } });
  }

  /**
   * Open chats whose visitor went quiet (abandoned), or that nobody ever accepted in time (no agent;
   * a chat transferred after someone accepted it only ends by silence).
   */
  async due(now: Date, quietMs: number, waitMs: number, limit = 200): Promise<Array<{ id: number; reason: ChatEndReason }>> {
    const rows = await this.sequelize.query<{ id: number; reason: ChatEndReason }>(
      `SELECT id, IF(state = 'waiting' AND accepted_at IS NULL AND created_at < ?, 'no_agent', 'abandoned') AS reason FROM chat_sessions
        WHERE state IN ('waiting','active') AND (last_visitor_at < ? OR (state = 'waiting' AND accepted_at IS NULL AND created_at < ?))
        ORDER BY id LIMIT ?`,
      { replacements: [new Date(now.getTime() - waitMs), new Date(now.getTime() - quietMs), new Date(now.getTime() - waitMs), limit], type: QueryTypes.SELECT },
    );
    return rows.map((r) => ({ id: Number(r.id), reason: r.reason }));
  }

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

  async cannedReplies(): Promise<Array<{ id: number; title: string; body: string }>> {
    const rows = await this.sequelize.query<{ id: number; title: string; body: string }>('SELECT id, title, body FROM chat_canned_replies ORDER BY title', {
      type: QueryTypes.SELECT,
    });
    return rows.map((r) => ({ id: Number(r.id), title: r.title, body: r.body }));
  }

  async addCannedReply(title: string, body: string): Promise<number> {
    return insertRow(this.sequelize, 'chat_canned_replies', { title, body });
  }

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

  /** Gives an anonymous visitor's user the name and email they typed (the email only if nobody has it yet). */
  async nameVisitor(userId: number, name: string, email: string): Promise<void> {
    await this.sequelize.query('UPDATE users SET name = ? WHERE id = ?', { replacements: [name, userId] });
    try {
      await this.sequelize.query(`UPDATE users SET email = ? WHERE id = ? AND email LIKE '%${VISITOR_EMAIL_DOMAIN}'`, { replacements: [email, userId] });
    } catch (error) {
      if (!(error instanceof UniqueConstraintError)) throw error;
    }
  }
}

/** Anonymous visitors get an address under this reserved domain: the mailer never sends to `.invalid`. */
export const VISITOR_EMAIL_DOMAIN = '@chat-visitors.invalid';
