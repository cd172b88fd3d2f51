import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/sequelize';
import type { ChatEndReason, ChatState } from '@switchboard/contracts';
import { Op, QueryTypes, type Transaction, type WhereOptions } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { insertRow } from '../database/insert-row.js';
import { ChatSessionModel } from './chat-session.model.js';

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

/** chat_sessions: starting, finding, changing and ending chats, and the ones due to end. */
@Injectable()
export class ChatSessionRepository {
  constructor(
    private readonly sequelize: Sequelize,
    @InjectModel(ChatSessionModel) private readonly sessions: typeof ChatSessionModel,
  ) {}

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
}
