import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/sequelize';
import type { Delivery, EntryKind, Mention } from '@switchboard/contracts';
import { Op, QueryTypes, type Transaction, type WhereOptions } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { PERSON_COLUMNS } from '../../users/person-columns.js';
import { UserModel } from '../../users/user.model.js';
import { TicketEntryModel } from '../ticket-entry.model.js';
import type { TimelinePosition } from '../queries/get-timeline/timeline-cursor.js';

export interface TimelinePageQuery {
  ticketId: number;
  /** What the viewer may read, from accessibleWhere(): customers get only public entries. */
  visible: WhereOptions;
  before: TimelinePosition | null;
  limit: number;
  kinds?: readonly EntryKind[];
}

/** Reads a ticket's timeline page by page, and the staff mentioned in its notes. */
@Injectable()
export class TimelineRepository {
  constructor(
    @InjectModel(TicketEntryModel) private readonly entries: typeof TicketEntryModel,
    private readonly sequelize: Sequelize,
  ) {}

  /**
   * Up to `limit + 1` entries older than `before`, newest first: keyset pagination that walks the
   * (ticket_id, created_at, id) index backwards, so page 100 costs what page 1 does. The extra row
   * only tells the caller that an older page exists.
   */
  newestFirst({ ticketId, visible, before, limit, kinds }: TimelinePageQuery) {
    const conditions: WhereOptions[] = [{ ticketId }, visible];
    if (kinds && kinds.length > 0) conditions.push({ kind: { [Op.in]: [...kinds] } });
    if (before) {
      conditions.push({
        [Op.or]: [{ createdAt: { [Op.lt]: before.createdAt } }, { createdAt: before.createdAt, id: { [Op.lt]: before.id } }],
      });
    }
    return this.entries.findAll({
      where: { [Op.and]: conditions },
      include: [{ model: UserModel, as: 'author', attributes: PERSON_COLUMNS }],
      order: [
        ['createdAt', 'DESC'],
        ['id', 'DESC'],
      ],
      limit: limit + 1,
    });
  }

  /** The staff mentioned in each of these entries, by entry id. */
  async mentionsOf(entryIds: readonly number[]): Promise<Map<number, Mention[]>> {
    const byEntry = new Map<number, Mention[]>();
    if (entryIds.length === 0) return byEntry;
    const rows = await this.sequelize.query<{ entryId: number | string; id: number; name: string }>(
      `SELECT m.entry_id AS entryId, u.id, u.name FROM ticket_entry_mentions m JOIN users u ON u.id = m.user_id
       WHERE m.entry_id IN (:ids) ORDER BY m.entry_id, u.name`,
      { replacements: { ids: [...entryIds] }, type: QueryTypes.SELECT },
    );
    for (const row of rows) {
      const list = byEntry.get(Number(row.entryId)) ?? [];
      list.push({ id: row.id, name: row.name });
      byEntry.set(Number(row.entryId), list);
    }
    return byEntry;
  }

  /** The delivery state of replies sent on an outbound channel (outbound_messages, channels/twilio/), by entry id. */
  async deliveriesOf(entryIds: readonly number[]): Promise<Map<number, Delivery>> {
    const byEntry = new Map<number, Delivery>();
    if (entryIds.length === 0) return byEntry;
    const rows = await this.sequelize.query<{
      id: number | string;
      entryId: number | string;
      channel: string;
      recipient: string;
      status: string;
      delivery_status: string | null;
      delivery_error: string | null;
      updated: Date | null;
    }>(
      `SELECT id, ticket_entry_id AS entryId, channel, recipient, status, delivery_status,
              COALESCE(delivery_error, error) AS delivery_error,
              COALESCE(delivery_updated_at, created_at) AS updated
         FROM outbound_messages WHERE ticket_entry_id IN (:ids) ORDER BY id`,
      { replacements: { ids: [...entryIds] }, type: QueryTypes.SELECT },
    );
    // The provider's reason (a bounce, a Twilio error code) wins over ours (not sent, an attempt refused): decision 029.
    // A bounce (from the Event Webhook or a DSN) or a send that gave up outranks whatever was reported before it.
    const failed = new Set(['bounced', 'dropped', 'failed']);
    const events = await this.emailEventsOf(rows.filter((r) => r.channel === 'email').map((r) => Number(r.id)));
    for (const row of rows) {
      const list = events.get(Number(row.id));
      byEntry.set(Number(row.entryId), {
        channel: row.channel,
        recipient: row.recipient,
        status: failed.has(row.status) ? row.status : (row.delivery_status ?? row.status),
        error: row.delivery_error,
        updatedAt: row.updated ? new Date(row.updated).toISOString() : null,
        ...(list ? { events: list } : {}),
      });
    }
    return byEntry;
  }

  /** SendGrid's Event Webhook events about these outbound emails (channels/email/events), oldest first. */
  private async emailEventsOf(messageIds: readonly number[]) {
    const byMessage = new Map<number, { event: string; at: string; reason: string | null }[]>();
    if (messageIds.length === 0) return byMessage;
    const rows = await this.sequelize.query<{ messageId: number | string; event: string; occurredAt: Date; reason: string | null }>(
      `SELECT outbound_message_id AS messageId, event, occurred_at AS occurredAt, reason FROM email_delivery_events
        WHERE outbound_message_id IN (:ids) ORDER BY occurred_at, created_at`,
      { replacements: { ids: [...messageIds] }, type: QueryTypes.SELECT },
    );
    for (const row of rows) {
      const list = byMessage.get(Number(row.messageId)) ?? [];
      list.push({ event: row.event, at: new Date(row.occurredAt).toISOString(), reason: row.reason ? row.reason.slice(0, 255) : null });
      byMessage.set(Number(row.messageId), list);
    }
    return byMessage;
  }

  async addMentions(entryId: number, userIds: readonly number[], transaction: Transaction) {
    if (userIds.length === 0) return;
    await this.sequelize.query(
      `INSERT IGNORE INTO ticket_entry_mentions (entry_id, user_id) VALUES ${userIds.map(() => '(?, ?)').join(', ')}`,
      { replacements: userIds.flatMap((userId) => [entryId, userId]), transaction, type: QueryTypes.INSERT },
    );
  }
}
