import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/sequelize';
import { SYSTEM_USER_EMAIL } from '@switchboard/migrations';
import { Op, QueryTypes, type Transaction } from 'sequelize';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import type { StaffNoticeTopic } from '../outbox/outbox.topics.js';
import { UserModel } from '../users/user.model.js';
import { NotificationFeed } from './notification-feed.service.js';

const EXCERPT_CHARS = 500;

/**
 * The email side of the "assigned", "customer_replied" and "team_ticket_created" notifications: one
 * outbox row per change, written in the change's own transaction, listing the active staff who should
 * hear about it (never the person who made the change). The worker's StaffTicketNotifier sends each
 * recipient their email through PreferredEmail (their email switch and quiet hours apply).
 */
@Injectable()
export class StaffTicketNotices {
  constructor(
    @InjectModel(UserModel) private readonly users: typeof UserModel,
    private readonly outbox: OutboxRepository,
    private readonly feed: NotificationFeed,
  ) {}

  /**
   * A ticket that arrived in a team, routed there or moved there by someone: the team's active members
   * (not the person who moved it) hear of it in-app and by email, as their preferences decide.
   */
  async teamTicket(ticket: { id: number; subject: string }, team: { id: number; name: string }, actorId: number, transaction: Transaction) {
    const rows = await this.users.sequelize!.query<{ id: number }>(
      `SELECT u.id FROM team_members m JOIN users u ON u.id = m.user_id
        WHERE m.team_id = ? AND u.role IN ('agent','manager','admin') AND u.status = 'active' AND u.id <> ? AND u.email <> ?`,
      { replacements: [team.id, actorId, SYSTEM_USER_EMAIL], type: QueryTypes.SELECT, transaction },
    );
    const members = rows.map((r) => Number(r.id));
    for (const memberId of members) {
      await this.feed.notify(memberId, { kind: 'team_ticket_created', ticketId: ticket.id, title: `New ticket #${ticket.id} in ${team.name}`, body: ticket.subject }, transaction);
    }
    await this.append('team.ticket_created', { ticketId: ticket.id, subject: ticket.subject, actorId, recipientIds: members, teamName: team.name }, transaction);
  }

  async append(
    topic: StaffNoticeTopic,
    notice: { ticketId: number; subject: string; actorId: number; recipientIds: readonly number[]; teamName?: string; text?: string },
    transaction: Transaction,
  ) {
    await this.appendMany(topic, [notice], transaction);
  }

  /**
   * Several notices of one topic by one actor (a batch of routed tickets): the recipients and the
   * actor are read once and the outbox rows written in one INSERT. A notice left with nobody to tell is dropped.
   */
  async appendMany(
    topic: StaffNoticeTopic,
    notices: { ticketId: number; subject: string; actorId: number; recipientIds: readonly number[]; teamName?: string; text?: string }[],
    transaction: Transaction,
  ) {
    const wanted = notices
      .map((notice) => ({ notice, ids: [...new Set(notice.recipientIds)].filter((id) => id !== notice.actorId) }))
      .filter((n) => n.ids.length > 0);
    if (wanted.length === 0) return;
    const people = await this.users.findAll({
      attributes: ['id', 'name', 'email'],
      where: { id: { [Op.in]: [...new Set(wanted.flatMap((n) => n.ids))] }, role: { [Op.in]: ['agent', 'manager', 'admin'] }, status: 'active' },
      order: [['id', 'ASC']],
      transaction,
    });
    if (people.length === 0) return;
    const actorIds = [...new Set(wanted.map((n) => n.notice.actorId))];
    const actors = await this.users.findAll({ attributes: ['id', 'name'], where: { id: { [Op.in]: actorIds } }, transaction });
    const payloads = wanted.flatMap(({ notice, ids }) => {
      const recipients = people.filter((p) => ids.includes(p.id));
      if (recipients.length === 0) return [];
      const text = notice.text ?? '';
      return [
        {
          ticketId: notice.ticketId,
          subject: notice.subject,
          actorName: actors.find((a) => a.id === notice.actorId)?.name ?? 'Someone',
          ...(notice.teamName ? { teamName: notice.teamName } : {}),
          excerpt: text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text,
          recipients: recipients.map((p) => ({ id: p.id, email: p.email, name: p.name })),
        },
      ];
    });
    await this.outbox.appendMany(topic, payloads, transaction);
  }
}
