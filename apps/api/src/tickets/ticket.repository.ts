import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/sequelize';
import { literal, Op, QueryTypes, type Order, type Transaction, type WhereOptions } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { insertRow } from '../database/insert-row.js';
import { IssueTypeModel } from '../catalog/issue-type.model.js';
import { CategoryModel, TeamModel } from '../catalog/named.models.js';
import { PERSON_COLUMNS } from '../users/person-columns.js';
import { UserModel } from '../users/user.model.js';
import type { FieldValueRow } from './custom-field-values.js';
import { TicketEntryModel } from './ticket-entry.model.js';
import { TicketModel } from './ticket.model.js';

/** What a ticket is shown with: its people and the names of what it points at. */
const DETAILS = [
  { model: UserModel, as: 'requester', attributes: PERSON_COLUMNS },
  { model: UserModel, as: 'assignee', attributes: PERSON_COLUMNS },
  { model: IssueTypeModel, attributes: ['id', 'name', 'transitions'] },
  { model: CategoryModel, attributes: ['id', 'name'] },
  { model: TeamModel, attributes: ['id', 'name'] },
];

export type NewTicket = Pick<
  TicketModel,
  | 'subject' | 'description' | 'status' | 'urgency' | 'importance' | 'priority' | 'channel' | 'requesterId' | 'companyId'
  | 'issueTypeId' | 'categoryId'
>;
export type NewEntry = Pick<TicketEntryModel, 'ticketId' | 'kind' | 'visibility' | 'authorId' | 'channel' | 'body'> &
  Partial<Pick<TicketEntryModel, 'eventField' | 'eventFrom' | 'eventTo' | 'bodyHtml'>> & {
    /** What the entry was made from (unique, e.g. `twilio:message:<sid>`): a retried job finds it instead of adding it again. */
    sourceKey?: string;
  };
/** A ticket as written: what the caller gave plus what the insert decided. */
export type CreatedTicket = NewTicket & Pick<TicketModel, 'id' | 'version' | 'assigneeId' | 'teamId' | 'createdAt' | 'updatedAt'>;
export type CreatedEntry = NewEntry & Pick<TicketEntryModel, 'id' | 'createdAt' | 'eventField' | 'eventFrom' | 'eventTo'>;

export type TicketChanges = Partial<
  Pick<
    TicketModel,
    'status' | 'urgency' | 'importance' | 'priority' | 'resolvedAt' | 'closedAt' | 'issueTypeId' | 'categoryId' | 'teamId' | 'assigneeId'
  >
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
    const row = { ...data, assigneeId: null, teamId: null, version: 1, createdAt: now, updatedAt: now };
    const id = await insertRow(this.sequelize, 'tickets', row, transaction);
    return { ...row, id };
  }

  findById(id: number, options: { transaction?: Transaction; forUpdate?: boolean } = {}) {
    return this.tickets.findByPk(id, {
      include: DETAILS,
      transaction: options.transaction,
      lock: options.forUpdate && options.transaction ? options.transaction.LOCK.UPDATE : undefined,
    });
  }

  /** One page of tickets with their details; `order` must end with a unique key (id) for stable paging. */
  list(where: WhereOptions, order: Order, limit: number, offset = 0) {
    return this.tickets.findAll({ where, include: DETAILS, order, limit, offset });
  }

  /**
   * The sort value (`valueSql`, read back as text or a number) and id of the row `offset` places into `order`,
   * or null when fewer rows match: where a bounded walk of the queue stops.
   */
  async sortValueAt(where: WhereOptions, valueSql: string, order: Order, offset: number): Promise<{ value: string | number; id: number } | null> {
    const rows = await this.tickets.findAll({ where, attributes: ['id', [literal(valueSql), 'v']], order, offset, limit: 1, raw: true });
    const row = rows[0] as unknown as { id: number; v: string | number | null } | undefined;
    return row && row.v !== null ? { value: row.v, id: Number(row.id) } : null;
  }

  /**
   * One page like `list`, but the ids first and the rows with their details after: a page sorted in memory
   * (a semi-join from a side table) then sorts ids, not whole rows joined to their people.
   */
  async listByIds(where: WhereOptions, order: Order, limit: number, offset = 0) {
    const ids = (await this.tickets.findAll({ where, attributes: ['id'], order, limit, offset, raw: true })).map((r) => Number(r.id));
    if (ids.length === 0) return [];
    const rows = await this.tickets.findAll({ where: { id: { [Op.in]: ids } }, include: DETAILS });
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    return ids.map((id) => byId.get(id)).filter((r): r is TicketModel => r !== undefined);
  }

  /** Counts matches up to `cap` + 1, so a broad filter costs at most that many index entries. */
  async countUpTo(where: WhereOptions, cap: number): Promise<number> {
    const rows = await this.tickets.findAll({ where, attributes: ['id'], limit: cap + 1, raw: true });
    return rows.length;
  }

  /** Tag names per ticket, for the tickets given. */
  async tagsFor(ticketIds: number[]): Promise<Map<number, string[]>> {
    const map = new Map<number, string[]>(ticketIds.map((id) => [id, []]));
    if (ticketIds.length === 0) return map;
    const rows = await this.sequelize.query<{ ticketId: number; name: string }>(
      'SELECT tt.ticket_id AS ticketId, t.name FROM ticket_tags tt JOIN tags t ON t.id = tt.tag_id WHERE tt.ticket_id IN (?) ORDER BY t.name',
      { replacements: [ticketIds], type: QueryTypes.SELECT },
    );
    for (const r of rows) map.get(r.ticketId)?.push(r.name);
    return map;
  }

  /** A tag's id by name, or null when no such tag exists. */
  async tagId(name: string): Promise<number | null> {
    const rows = await this.sequelize.query<{ id: number }>('SELECT id FROM tags WHERE name = ?', { replacements: [name], type: QueryTypes.SELECT });
    return rows[0] ? Number(rows[0].id) : null;
  }

  /**
   * How many rows of a side table (ticket_tags, ticket_field_values) match `matchSql`, counted up to `upTo`:
   * an index range read that stops there. Sizes a queue filter's plan (side-filter-plan.ts).
   */
  async countSideRows(table: 'ticket_tags' | 'ticket_field_values', matchSql: string, upTo: number): Promise<number> {
    const rows = await this.sequelize.query<{ n: number }>(
      `SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${table} WHERE ${matchSql} LIMIT ${Math.max(0, Math.floor(upTo))}) matches`,
      { type: QueryTypes.SELECT },
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** The highest ticket id: an upper bound on the number of tickets, read from the end of the primary key. */
  async maxTicketId(): Promise<number> {
    const rows = await this.sequelize.query<{ id: number | null }>('SELECT MAX(id) AS id FROM tickets', { type: QueryTypes.SELECT });
    return Number(rows[0]?.id ?? 0);
  }

  /** Replaces a ticket's tags, creating tags that do not exist yet. */
  async setTags(ticketId: number, names: string[], transaction: Transaction) {
    await this.sequelize.query('DELETE FROM ticket_tags WHERE ticket_id = ?', { replacements: [ticketId], transaction });
    if (names.length === 0) return;
    await this.sequelize.query(`INSERT IGNORE INTO tags (name) VALUES ${names.map(() => '(?)').join(', ')}`, {
      replacements: names,
      transaction,
    });
    await this.sequelize.query('INSERT INTO ticket_tags (ticket_id, tag_id) SELECT ?, id FROM tags WHERE name IN (?)', {
      replacements: [ticketId, names],
      transaction,
    });
  }

  /** Custom field value rows per ticket, for the tickets given. */
  async fieldRowsFor(ticketIds: number[]): Promise<Map<number, FieldValueRow[]>> {
    const map = new Map<number, FieldValueRow[]>(ticketIds.map((id) => [id, []]));
    if (ticketIds.length === 0) return map;
    const rows = await this.sequelize.query<FieldValueRow & { ticketId: number }>(
      `SELECT ticket_id AS ticketId, field_id AS fieldId, value_string AS valueString, value_text AS valueText,
              value_number AS valueNumber, DATE_FORMAT(value_date, '%Y-%m-%d') AS valueDate, value_bool AS valueBool
       FROM ticket_field_values WHERE ticket_id IN (?) ORDER BY id`,
      { replacements: [ticketIds], type: QueryTypes.SELECT },
    );
    for (const r of rows) map.get(r.ticketId)?.push(r);
    return map;
  }

  /** Replaces the values of the fields named in `rowsByField` (an empty list clears that field). */
  async replaceFieldRows(ticketId: number, rowsByField: Map<number, FieldValueRow[]>, transaction: Transaction) {
    if (rowsByField.size === 0) return;
    await this.sequelize.query('DELETE FROM ticket_field_values WHERE ticket_id = ? AND field_id IN (?)', {
      replacements: [ticketId, [...rowsByField.keys()]],
      transaction,
    });
    for (const rows of rowsByField.values()) {
      for (const row of rows) await insertRow(this.sequelize, 'ticket_field_values', { ticketId, ...row }, transaction);
    }
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

  /** Moves every entry of one ticket to another (a merge); returns the ids moved. */
  async moveAllEntries(fromTicketId: number, toTicketId: number, transaction: Transaction): Promise<number[]> {
    const rows = await this.entries.findAll({ where: { ticketId: fromTicketId }, attributes: ['id'], transaction });
    const ids = rows.map((r) => Number(r.id));
    if (ids.length) await this.entries.update({ ticketId: toTicketId }, { where: { ticketId: fromTicketId }, transaction });
    return ids;
  }

  findEntry(entryId: number, transaction?: Transaction) {
    return this.entries.findByPk(entryId, { transaction });
  }

  async moveEntry(entryId: number, toTicketId: number, transaction: Transaction) {
    await this.entries.update({ ticketId: toTicketId }, { where: { id: entryId }, transaction });
  }

  /** Inserts an entry; the caller knows its author, so nothing is read back. */
  async addEntry(data: NewEntry, transaction: Transaction): Promise<CreatedEntry> {
    const row = { ...data, eventField: data.eventField ?? null, eventFrom: data.eventFrom ?? null, eventTo: data.eventTo ?? null, createdAt: new Date() };
    const id = await insertRow(this.sequelize, 'ticket_entries', row, transaction);
    return { ...row, id };
  }

}
