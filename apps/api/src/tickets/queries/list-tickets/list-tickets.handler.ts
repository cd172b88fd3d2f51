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
import { continueProbing, probeThreshold, probeWindow, sideCondition, SideFilterSizes, sideStrategy, type SideFilter, type SideStrategy } from './side-filter-plan.js';
import { afterCursor, fieldMatchSql, filterConditions, NO_DUE, sortExpression, sortValueSql, upToBound, type FieldRef } from './ticket-list-where.js';

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
  private readonly sizes = new SideFilterSizes();

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
    const tickets = filter.tag || keys.length ? await this.tickets.maxTicketId() : 0;
    const sides = await this.sideFilters(filter, fields, tickets);
    if (sides === null) return empty;
    const conditions = [visible, ...filterConditions(this.sequelize, filter, actor.user.id)];
    const base = filter.cursor ? [...conditions, afterCursor(filter, filter.cursor)] : conditions;
    const direction = filter.direction.toUpperCase();
    const order = [
      [sortExpression(filter.sort), direction],
      ['id', direction],
    ] as never;
    const offset = filter.cursor ? 0 : (filter.page - 1) * filter.pageSize;
    // Counting is for the first page, and stops at the cap; later cursor pages report -1 (unknown). A field
    // filter counts with the page's plan (a probe that had to give up on the walk would walk the whole table
    // to count). A tag always counts from ticket_tags: its primary key (ticket_id, tag_id) makes the semi-join
    // a plain join that streams from the tag's index and stops at the cap (5 ms for 50,000 tagged tickets, where
    // probing took 28); field values are not unique per ticket, so that semi-join materialises every match first.
    const count = async (plan: SideStrategy[]) => {
      if (filter.cursor) return -1;
      const counted = sides.map((s, i) => sideCondition(s, s.table === 'ticket_tags' ? 'driving' : plan[i]));
      return this.tickets.countUpTo({ [Op.and]: [...conditions, ...counted] } as WhereOptions, TICKET_COUNT_CAP);
    };
    let rows: TicketModel[];
    let total: number;
    if (sides.length > 0 && sides.every((s) => s.strategy === 'probe')) {
      let plan: SideStrategy[];
      ({ rows, plan } = await this.probedPage(filter, base, sides, tickets, order, offset));
      // The count waits for the page's plan; a first page that is also the last one has counted itself.
      const complete = !filter.cursor && rows.length <= filter.pageSize && (offset === 0 || rows.length > 0);
      total = complete ? offset + rows.length : await count(plan);
    } else {
      // Without side filters, exactly the queries they always were, in parallel; with a rare side filter, ids
      // first (the page is sorted in memory).
      const planned = { [Op.and]: [...base, ...sides.map((s) => sideCondition(s))] };
      [rows, total] = await Promise.all([
        this.tickets[sides.length ? 'listByIds' : 'list'](planned, order, filter.pageSize + 1, offset),
        count(sides.map((s) => s.strategy)),
      ]);
    }
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

  /**
   * The tag and custom-field filters with their plans (side-filter-plan.ts); null when the tag does not
   * exist, so nothing matches. An unknown field key is a 400 naming fields.<key>.
   */
  private async sideFilters(filter: TicketFilter, fields: FieldRef[], tickets: number): Promise<SideFilter[] | null> {
    const threshold = probeThreshold(tickets, TICKET_COUNT_CAP);
    const sides: SideFilter[] = [];
    const add = async (table: SideFilter['table'], match: string) => {
      const matches = await this.sizes.get(`${table} ${match} ${threshold}`, () => this.tickets.countSideRows(table, match, threshold + 1));
      sides.push({ table, match, matches, strategy: sideStrategy(matches, threshold) });
    };
    const values = (filter.fields ?? {}) as Record<string, unknown>;
    const matches = Object.keys(values).map((key) => fieldMatchSql(this.sequelize, key, values[key], fields));
    if (filter.tag) {
      const id = await this.tickets.tagId(filter.tag);
      if (id === null) return null;
      await add('ticket_tags', `tag_id = ${id}`);
    }
    for (const match of matches) await add('ticket_field_values', match);
    return sides;
  }

  /**
   * A page when every side filter is common: probe while walking the sort order, but first only a window of
   * the walk (up to the sort value `window` rows ahead), since common matches may all sit at its far end.
   * Too few found: keep walking if the rest looks cheap, else drive from the side tables.
   */
  private async probedPage(
    filter: TicketFilter,
    base: WhereOptions[],
    sides: SideFilter[],
    tickets: number,
    order: never,
    offset: number,
  ): Promise<{ rows: TicketModel[]; plan: SideStrategy[] }> {
    const need = filter.pageSize + 1;
    const probing = sides.map((): SideStrategy => 'probe');
    const probe = sides.map((s) => sideCondition(s, 'probe'));
    const window = probeWindow(sides, tickets, need);
    const bound = await this.tickets.sortValueAt({ [Op.and]: base }, sortValueSql(filter.sort), order, offset + window);
    if (bound === null) return { rows: await this.tickets.list({ [Op.and]: [...base, ...probe] }, order, need, offset), plan: probing };
    // Ids first: the walk then reads only the sort index and the probes, not each ticket with its people.
    const rows = await this.tickets.listByIds({ [Op.and]: [...base, upToBound(this.sequelize, filter, bound), ...probe] }, order, need, offset);
    if (rows.length >= need) return { rows, plan: probing };
    if (continueProbing(rows.length, need, window, sides)) {
      return { rows: await this.tickets.listByIds({ [Op.and]: [...base, ...probe] }, order, need, offset), plan: probing };
    }
    // Drive from one side table (a tag first: ticket_tags joins without materialising) and probe the others:
    // with two semi-joins the planner may materialise the larger side (100,000 field values) and drive from it.
    const plan = sides.map((_, i): SideStrategy => (i === 0 ? 'driving' : 'probe'));
    return { rows: await this.tickets.listByIds({ [Op.and]: [...base, ...sides.map((s, i) => sideCondition(s, plan[i]))] }, order, need, offset), plan };
  }

  /** The due-sort value of one ticket, for its cursor (tickets.sla_due_at is not a model attribute). */
  private async dueOf(ticketId: number): Promise<string> {
    const rows = await this.sequelize.query<{ due: Date | string | null }>('SELECT sla_due_at AS due FROM tickets WHERE id = ?', {
      replacements: [ticketId],
      type: QueryTypes.SELECT,
    });
    const due = rows[0]?.due;
    return due ? new Date(due).toISOString() : new Date(`${NO_DUE.replace(' ', 'T')}Z`).toISOString();
  }
}
