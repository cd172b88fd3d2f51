import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InboundEmailRepository } from '../../inbound/inbound-email.repository.js';
import { toInboundEmail } from '../../inbound-email.mapper.js';
import { EmailErrors } from '../../email.errors.js';
import { ListInboundEmailsQuery } from './list-inbound-emails.query.js';

@QueryHandler(ListInboundEmailsQuery)
export class ListInboundEmailsHandler implements IQueryHandler<ListInboundEmailsQuery> {
  constructor(private readonly inbound: InboundEmailRepository) {}

  async execute({ actor, statuses, page, pageSize }: ListInboundEmailsQuery) {
    if (actor.ability.cannot('read', 'InboundEmail')) throw EmailErrors.forbidden('read the inbound email log');
    const { rows, total } = await this.inbound.page(statuses, page, pageSize);
    return { items: rows.map(toInboundEmail), total };
  }
}
