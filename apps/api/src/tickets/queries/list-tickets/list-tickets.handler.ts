import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { TicketPage } from '@switchboard/contracts';
import { Op, type WhereOptions } from 'sequelize';
import { accessibleWhere } from '../../../access/accessible-where.js';
import { toTicket } from '../../ticket.mapper.js';
import { TicketRepository } from '../../ticket.repository.js';
import { ListTicketsQuery } from './list-tickets.query.js';

@QueryHandler(ListTicketsQuery)
export class ListTicketsHandler implements IQueryHandler<ListTicketsQuery, TicketPage> {
  constructor(private readonly tickets: TicketRepository) {}

  async execute({ actor, filter }: ListTicketsQuery): Promise<TicketPage> {
    const empty = { items: [], total: 0, page: filter.page, pageSize: filter.pageSize };
    // The rows this actor may read, as SQL: nothing is loaded only to be hidden afterwards.
    const visible = accessibleWhere(actor.ability, 'read', 'Ticket');
    if (visible === null) return empty;
    const where: WhereOptions[] = [visible];
    if (filter.status) where.push({ status: filter.status });
    if (filter.urgency) where.push({ urgency: filter.urgency });
    if (filter.importance) where.push({ importance: filter.importance });
    const { rows, total } = await this.tickets.page({ [Op.and]: where }, filter.page, filter.pageSize);
    return { ...empty, items: rows.map((t) => toTicket(t, actor.user)), total };
  }
}
