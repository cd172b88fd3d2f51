import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { OutboundMessage } from '@switchboard/contracts';
import { DomainError } from '../../../common/domain-error.js';
import { toOutboundMessage } from '../../outbound-message.mapper.js';
import { OutboundMessageRepository } from '../../outbound-message.repository.js';
import { ListOutboundMessagesQuery } from './list-outbound-messages.query.js';

@QueryHandler(ListOutboundMessagesQuery)
export class ListOutboundMessagesHandler
  implements IQueryHandler<ListOutboundMessagesQuery, { items: OutboundMessage[]; total: number }>
{
  constructor(private readonly messages: OutboundMessageRepository) {}

  async execute({ actor, page, pageSize }: ListOutboundMessagesQuery) {
    if (actor.ability.cannot('read', 'OutboundMessage')) {
      throw new DomainError('forbidden', 'OUTBOX_FORBIDDEN', 'You may not read the outbox');
    }
    const { rows, total } = await this.messages.page(page, pageSize);
    return { items: rows.map((row) => toOutboundMessage(row, actor.ability)), total };
  }
}
