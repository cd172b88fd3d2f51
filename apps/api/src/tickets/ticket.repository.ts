import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/sequelize';
import { type Transaction, type WhereOptions } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { insertRow } from '../database/insert-row.js';
import { UserModel } from '../users/user.model.js';
import { TicketEntryModel } from './ticket-entry.model.js';
import { TicketModel } from './ticket.model.js';

const PEOPLE = [
  { model: UserModel, as: 'requester' },
  { model: UserModel, as: 'assignee' },
];

export type NewTicket = Pick<
  TicketModel,
  'subject' | 'description' | 'status' | 'urgency' | 'importance' | 'priority' | 'channel' | 'requesterId' | 'companyId'
>;
export type NewEntry = Pick<TicketEntryModel, 'ticketId' | 'kind' | 'visibility' | 'authorId' | 'channel' | 'body'> &
  Partial<Pick<TicketEntryModel, 'eventField' | 'eventFrom' | 'eventTo' | 'bodyHtml'>>;
/** A ticket as written: what the caller gave plus what the insert decided. */
export type CreatedTicket = NewTicket & Pick<TicketModel, 'id' | 'version' | 'assigneeId' | 'createdAt' | 'updatedAt'>;
export type CreatedEntry = NewEntry & Pick<TicketEntryModel, 'id' | 'createdAt' | 'eventField' | 'eventFrom' | 'eventTo'>;

export type TicketChanges = Partial<
  Pick<TicketModel, 'status' | 'urgency' | 'importance' | 'priority' | 'resolvedAt' | 'closedAt'>
>;

/** The only place outside migrations that touches the ticket tables. */
@Injectable()
export class TicketRepository {
  constructor(
    @InjectModel(TicketModel) private readonly tickets: typeof TicketModel,
    @InjectModel(TicketEntryModel) private readonly entries: typeof TicketEntryModel,
    private readonly sequelize: Sequelize,
  ) {}

  async create(data: NewTicket, transaction: Transaction): Promise<CreatedTicket> {
    const now = new Date();
    const row = { ...data, assigneeId: null, version: 1, createdAt: now, updatedAt: now };
    const id = await insertRow(this.sequelize, 'tickets', row, transaction);
    return { ...row, id };
  }

  findById(id: number, options: { transaction?: Transaction; forUpdate?: boolean } = {}) {
    return this.tickets.findByPk(id, {
      include: PEOPLE,
      transaction: options.transaction,
      lock: options.forUpdate && options.transaction ? options.transaction.LOCK.UPDATE : undefined,
    });
  }

  async page(where: WhereOptions, page: number, pageSize: number) {
    const [rows, total] = await Promise.all([
      this.tickets.findAll({
        where,
        include: PEOPLE,
        order: [
          ['createdAt', 'DESC'],
          ['id', 'DESC'],
        ],
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
      this.tickets.count({ where }),
    ]);
    return { rows, total };
  }

  /** Applies changes only if nobody else changed the ticket since `version`; returns false otherwise. */
  async updateIfVersion(id: number, version: number, changes: TicketChanges, transaction: Transaction) {
    const [affected] = await this.tickets.update(
      { ...changes, version: version + 1 },
      { where: { id, version }, transaction },
    );
    return affected === 1;
  }

  async touch(id: number, transaction: Transaction) {
    await this.tickets.update({ updatedAt: new Date() }, { where: { id }, transaction, silent: false });
  }

  /** Inserts an entry; the caller knows its author, so nothing is read back. */
  async addEntry(data: NewEntry, transaction: Transaction): Promise<CreatedEntry> {
    const row = { ...data, eventField: data.eventField ?? null, eventFrom: data.eventFrom ?? null, eventTo: data.eventTo ?? null, createdAt: new Date() };
    const id = await insertRow(this.sequelize, 'ticket_entries', row, transaction);
    return { ...row, id };
  }

}
