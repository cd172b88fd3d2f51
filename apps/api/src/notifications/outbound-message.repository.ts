import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/sequelize';
import { Op, QueryTypes } from 'sequelize';
import { OutboundMessageModel } from './outbound-message.model.js';

export type NewOutboundMessage = Pick<
  OutboundMessageModel,
  'outboxEventId' | 'channel' | 'recipient' | 'subject' | 'body' | 'status' | 'ticketId'
> &
  Partial<Pick<OutboundMessageModel, 'messageId' | 'automatic' | 'error' | 'ticketEntryId'>> & { sensitive?: boolean };

@Injectable()
export class OutboundMessageRepository {
  constructor(@InjectModel(OutboundMessageModel) private readonly messages: typeof OutboundMessageModel) {}

  /** Idempotent per (outbox event, recipient): a job that runs twice records one message. */
  async record(message: NewOutboundMessage) {
    await this.messages.bulkCreate([message], { ignoreDuplicates: true });
  }

  find(outboxEventId: number, recipient: string) {
    return this.messages.findOne({ where: { outboxEventId, recipient } });
  }

  async update(outboxEventId: number, recipient: string, changes: Partial<Pick<OutboundMessageModel, 'status' | 'error' | 'providerMessageId'>>) {
    await this.messages.update(changes, { where: { outboxEventId, recipient } });
  }

  /** The outbox row gave up: its emails not sent are `failed`; returns the reply entries they carry. */
  async failUnsent(outboxEventId: number): Promise<number[]> {
    const where = { outboxEventId, channel: 'email', status: 'sending' };
    const rows = await this.messages.findAll({ where, attributes: ['ticketEntryId'] });
    if (rows.length === 0) return [];
    await this.messages.update({ status: 'failed' }, { where });
    return [...new Set(rows.map((r) => r.ticketEntryId).filter((id): id is number => id != null).map(Number))];
  }

  /** Automatic emails recorded for this recipient since `since`, other than this outbox row's. */
  countAutomaticSince(recipient: string, since: Date, exceptOutboxEventId: number) {
    return this.messages.count({
      where: {
        recipient,
        automatic: true,
        createdAt: { [Op.gte]: since },
        status: { [Op.notIn]: ['suppressed', 'rate_limited'] },
        outboxEventId: { [Op.ne]: exceptOutboxEventId },
      },
    });
  }

  /** Why automatic mail to this address is held right now (it sent us an auto-reply lately), or null. */
  async suppression(recipient: string): Promise<string | null> {
    const [row] = await this.messages.sequelize!.query<{ reason: string }>(
      'SELECT reason FROM email_suppressions WHERE email = ? AND until > CURRENT_TIMESTAMP(3)',
      { replacements: [recipient.toLowerCase()], type: QueryTypes.SELECT },
    );
    return row?.reason ?? null;
  }

  async page(page: number, pageSize: number) {
    const { rows, count } = await this.messages.findAndCountAll({
      order: [['id', 'DESC']],
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    return { rows, total: count };
  }
}
