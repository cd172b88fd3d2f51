import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/sequelize';
import { OutboundMessageModel } from './outbound-message.model.js';

export type NewOutboundMessage = Pick<
  OutboundMessageModel,
  'outboxEventId' | 'channel' | 'recipient' | 'subject' | 'body' | 'status' | 'ticketId'
> & { sensitive?: boolean };

@Injectable()
export class OutboundMessageRepository {
  constructor(@InjectModel(OutboundMessageModel) private readonly messages: typeof OutboundMessageModel) {}

  /** Idempotent per (outbox event, recipient): a job that runs twice records one message. */
  async record(message: NewOutboundMessage) {
    await this.messages.bulkCreate([message], { ignoreDuplicates: true });
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
