import type { CustomFieldKind } from '@switchboard/contracts';
import { Op, type Sequelize, type WhereOptions } from 'sequelize';
import { literal, where as whereFn, col } from 'sequelize';
import { DomainError } from '../../../common/domain-error.js';
import type { TicketFilter } from './list-tickets.query.js';
import { decodeCursor } from './ticket-cursor.js';

const VALUE_COLUMN: Record<CustomFieldKind, string> = {
  text: 'value_string',
  long_text: 'value_text',
  single_select: 'value_string',
  multi_select: 'value_string',
  number: 'value_number',
  date: 'value_date',
  checkbox: 'value_bool',
};

export interface FieldRef {
  id: number;
  key: string;
  kind: CustomFieldKind;
}

/**
 * The ticket_field_values rows a `fields` filter matches for one key, as SQL over that table's columns.
 * A key may exist in several issue types (with one kind each); any of them matches.
 */
export function fieldMatchSql(sequelize: Sequelize, key: string, raw: unknown, fields: FieldRef[]): string {
  const matching = fields.filter((f) => f.key === key);
  if (matching.length === 0) {
    throw new DomainError('bad_request', 'TICKET_UNKNOWN_FIELD', `fields.${key}: there is no custom field "${key}"`, `fields.${key}`);
  }
  const ors = matching.map((f) => {
    const value = f.kind === 'checkbox' ? (raw === true || raw === 'true' ? 1 : 0) : raw;
    return `(field_id = ${f.id} AND ${VALUE_COLUMN[f.kind]} = ${sequelize.escape(value as string)})`;
  });
  return ors.length === 1 ? ors[0] : `(${ors.join(' OR ')})`;
}

const dayStart = (d: string) => new Date(`${d}T00:00:00.000Z`);
const dayAfter = (d: string) => new Date(dayStart(d).getTime() + 86_400_000);

/**
 * The earliest running SLA due time: tickets.sla_due_at, kept by the sla module with ticket_slas.next_due_at,
 * 9999-12-31 when nothing runs (so those sort last). Indexed: (sla_due_at) and (assignee_id, sla_due_at).
 */
export const NO_DUE = '9999-12-31 23:59:59';
const DUE_SORT = '`TicketModel`.`sla_due_at`';

/**
 * SLA due filters, both a range over tickets.sla_due_at (the earliest running due time; the index the due
 * sort walks). Overdue: it is past. Due in the next hour: it falls within the next 60 minutes and is not yet
 * breached, so the two never overlap: a ticket already overdue is in "Overdue" only, even when another of its
 * targets also falls due within the hour (decision 025). Nothing running is 9999-12-31, so met and paused
 * targets never match either.
 */
export function dueCondition(sequelize: Sequelize, due: NonNullable<TicketFilter['due']>, now: Date) {
  const at = (d: Date) => timeSql(d);
  if (due === 'overdue') return literal(`\`TicketModel\`.\`sla_due_at\` <= ${at(now)}`);
  return literal(`\`TicketModel\`.\`sla_due_at\` > ${at(now)} AND \`TicketModel\`.\`sla_due_at\` <= ${at(new Date(now.getTime() + 3_600_000))}`);
}

/** A time cursor value as a DATETIME(3) literal: Sequelize's own date escaping drops the milliseconds,
 * which made a page boundary inside one second skip the rows after it. */
function timeLiteral(value: string | number) {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new DomainError('bad_request', 'TICKET_INVALID_CURSOR', 'cursor: is not a cursor this API gave out', 'cursor');
  return literal(timeSql(d));
}

const timeSql = (d: Date) => `'${d.toISOString().replace('T', ' ').replace('Z', '')}'`;

/** The sort expression per sort key; status sorts by workflow order (the ENUM's index). */
export function sortExpression(sort: TicketFilter['sort']) {
  switch (sort) {
    case 'updated':
      return col('TicketModel.updated_at');
    case 'priority':
      return col('TicketModel.priority');
    case 'status':
      return literal('(`TicketModel`.`status` + 0)');
    case 'due':
      return literal(DUE_SORT);
    default:
      return col('TicketModel.created_at');
  }
}

/** The sort key as SQL, a DATETIME(3) as text with its microseconds, for a bound read back from the database. */
export function sortValueSql(sort: TicketFilter['sort']): string {
  switch (sort) {
    case 'updated':
      return "DATE_FORMAT(`TicketModel`.`updated_at`, '%Y-%m-%d %H:%i:%s.%f')";
    case 'priority':
      return '`TicketModel`.`priority`';
    case 'status':
      return '(`TicketModel`.`status` + 0)';
    case 'due':
      return `DATE_FORMAT(${DUE_SORT}, '%Y-%m-%d %H:%i:%s.%f')`;
    default:
      return "DATE_FORMAT(`TicketModel`.`created_at`, '%Y-%m-%d %H:%i:%s.%f')";
  }
}

/**
 * Rows up to the bound row (inclusive) in the sort order, ties broken by id as the order is: a walk that stops
 * there. "sort > v OR (sort = v AND id >= last)" (descending): MariaDB 10.11 reads it as one range of the sort
 * index ending exactly at the bound row (3,289 entries for a window of 3,287 by priority). The cursor's form,
 * "sort >= v AND (sort > v OR id >= last)", ranges over every ticket sharing the bound's value instead
 * (115,454 entries there), and a bound on the sort key alone does the same.
 */
export function upToBound(sequelize: Sequelize, filter: TicketFilter, bound: { value: string | number; id: number }) {
  const expr = { updated: '`TicketModel`.`updated_at`', priority: '`TicketModel`.`priority`', status: '(`TicketModel`.`status` + 0)', due: DUE_SORT, created: '`TicketModel`.`created_at`' }[filter.sort];
  const v = sequelize.escape(bound.value);
  const [strict, inclusive] = filter.direction === 'desc' ? ['>', '>='] : ['<', '<='];
  return literal(`(${expr} ${strict} ${v} OR (${expr} = ${v} AND \`TicketModel\`.\`id\` ${inclusive} ${Number(bound.id)}))`);
}

/** The SQL conditions for a queue filter (the caller adds the CASL-derived visibility). */
export function filterConditions(sequelize: Sequelize, filter: TicketFilter, me: number): WhereOptions[] {
  const where: WhereOptions[] = [];
  if (filter.status) where.push({ status: Array.isArray(filter.status) ? { [Op.in]: filter.status } : filter.status });
  if (filter.urgency) where.push({ urgency: filter.urgency });
  if (filter.importance) where.push({ importance: filter.importance });
  if (filter.assignee !== undefined) {
    where.push({ assigneeId: filter.assignee === 'me' ? me : filter.assignee === 'none' ? null : filter.assignee });
  }
  for (const key of ['teamId', 'issueTypeId', 'categoryId', 'requesterId', 'companyId'] as const) {
    if (filter[key] !== undefined) where.push({ [key]: filter[key] });
  }
  const ids = filter.ids as number[] | undefined;
  if (ids?.length) where.push({ id: { [Op.in]: ids } });
  if (filter.q) {
    const words = filter.q.split(/\s+/).filter(Boolean).slice(0, 8);
    for (const w of words) where.push({ subject: { [Op.like]: `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } });
  }
  if (filter.due) where.push(dueCondition(sequelize, filter.due, new Date()));
  if (filter.createdFrom) where.push({ createdAt: { [Op.gte]: dayStart(filter.createdFrom) } });
  if (filter.createdTo) where.push({ createdAt: { [Op.lt]: dayAfter(filter.createdTo) } });
  if (filter.updatedFrom) where.push({ updatedAt: { [Op.gte]: dayStart(filter.updatedFrom) } });
  if (filter.updatedTo) where.push({ updatedAt: { [Op.lt]: dayAfter(filter.updatedTo) } });
  // Tag and custom-field filters are side filters, added by the caller (side-filter-plan.ts).
  return where;
}

/** Keyset condition: rows after the cursor in the sort order (ties broken by id). */
export function afterCursor(filter: TicketFilter, cursor: string): WhereOptions {
  const { value, id } = decodeCursor(cursor);
  const op = filter.direction === 'desc' ? Op.lt : Op.gt;
  const expr = sortExpression(filter.sort);
  const v = filter.sort === 'created' || filter.sort === 'updated' || filter.sort === 'due' ? timeLiteral(value) : value;
  // "sort <= v AND (sort < v OR id < last)": the first half is an index range both MySQL and
  // MariaDB use; a bare OR (or a row comparison, on MariaDB) makes them scan.
  const inclusive = filter.direction === 'desc' ? Op.lte : Op.gte;
  return {
    [Op.and]: [whereFn(expr, inclusive, v), { [Op.or]: [whereFn(expr, op, v), { id: { [op]: id } }] }],
  };
}
