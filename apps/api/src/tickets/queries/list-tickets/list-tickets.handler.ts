import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { TICKET_COUNT_CAP, TICKET_STATUSES, type TicketPage } from '@switchboard/contracts';
import { Op, QueryTypes, type WhereOptions } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { accessibleWhere } from '../../../access/accessible-where.js';
import { CatalogRepository } from '../../../catalog/catalog.repository.js';
import type { TicketModel } from '../../ticket.model.js';
import { TicketPresenter } from '../../ticket.presenter.js';
import { TicketRepository } from '../../ticket.repository.js';
import { ListTicketsQuery, type TicketFilter } from './list-tickets.query.js';
import { encodeCursor } from './ticket-cursor.js';
import { afterCursor, filterConditions, NO_DUE, sortExpression } from './ticket-list-where.js';

const sortValue = (t: TicketModel, sort: TicketFilter['sort']): string | number => {
  switch (sort) {
    case 'updated':
      return t.updatedAt.toISOString();
    case 'priority':
      return t.priority;
    case 'status':
      // The ENUM's index: the order of TICKET_STATUSES, which the migrations keep.
      return TICKET_STATUSES.indexOf(t.status) + 1;
    default:
      return t.createdAt.toISOString();
  }
};

@QueryHandler(ListTicketsQuery)
export class ListTicketsHandler implements IQueryHandler<ListTicketsQuery, TicketPage> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly tickets: TicketRepository,
    private readonly catalog: CatalogRepository,
    private readonly presenter: TicketPresenter,
  ) {}

  async execute({ actor, filter }: ListTicketsQuery): Promise<TicketPage> {
    const empty = { items: [], total: 0, totalCapped: false, page: filter.page, pageSize: filter.pageSize, nextCursor: null };
    // The rows this actor may read, as SQL: nothing is loaded only to be hidden afterwards.
    const visible = accessibleWhere(actor.ability, 'read', 'Ticket');
    if (visible === null) return empty;
    const keys = Object.keys(filter.fields ?? {});
    const fields = keys.length ? (await this.catalog.fieldsByKey(keys)).map((f) => ({ id: f.id, key: f.key, kind: f.kind })) : [];
    const conditions = [visible, ...filterConditions(this.sequelize, filter, actor.user.id, fields)];
    const where: WhereOptions = { [Op.and]: conditions };
    const paged: WhereOptions = filter.cursor ? { [Op.and]: [...conditions, afterCursor(filter, filter.cursor)] } : where;
    const direction = filter.direction.toUpperCase();
    const order = [
      [sortExpression(filter.sort), direction],
      ['id', direction],
    ] as never;
    const offset = filter.cursor ? 0 : (filter.page - 1) * filter.pageSize;
    const [rows, total] = await Promise.all([
      this.tickets.list(paged, order, filter.pageSize + 1, offset),
      // Counting is for the first page, and stops at the cap; later cursor pages report -1 (unknown).
      filter.cursor ? Promise.resolve(-1) : this.tickets.countUpTo(where, TICKET_COUNT_CAP),
    ]);
    const page = rows.slice(0, filter.pageSize);
    const last = page[page.length - 1];
    const lastValue = last && filter.sort === 'due' ? await this.dueOf(last.id) : last ? sortValue(last, filter.sort) : null;
    return {
      items: await this.presenter.present(page, actor.user),
      total: Math.min(total, TICKET_COUNT_CAP),
      totalCapped: total > TICKET_COUNT_CAP,
      page: filter.page,
      pageSize: filter.pageSize,
      nextCursor: rows.length > filter.pageSize && last && lastValue !== null ? encodeCursor(lastValue, last.id) : null,
    };
  }

  /** The due-sort value of one ticket, for its cursor (the sort key is not a ticket column). */
  private async dueOf(ticketId: number): Promise<string> {
    const rows = await this.sequelize.query<{ due: Date | string | null }>('SELECT next_due_at AS due FROM ticket_slas WHERE ticket_id = ?', {
      replacements: [ticketId],
      type: QueryTypes.SELECT,
    });
    const due = rows[0]?.due;
    return due ? new Date(due).toISOString() : new Date(`${NO_DUE.replace(' ', 'T')}Z`).toISOString();
  }
}
