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

const dayStart = (d: string) => new Date(`${d}T00:00:00.000Z`);
const dayAfter = (d: string) => new Date(dayStart(d).getTime() + 86_400_000);

/**
 * The earliest running SLA due time (sla/, ticket_slas.next_due_at), tickets without one last. A correlated
 * primary-key lookup per row: meant for the due filters and open queues, not for sorting a million tickets.
 */
export const NO_DUE = '9999-12-31 23:59:59';
const DUE_SORT = `COALESCE((SELECT s.next_due_at FROM ticket_slas s WHERE s.ticket_id = \`TicketModel\`.\`id\`), '${NO_DUE}')`;

/**
 * SLA due filters as an index range over ticket_sla_targets (active_due_at, ticket_id): active_due_at is set
 * only while a target runs, so met and paused targets never match.
 */
export function dueCondition(sequelize: Sequelize, due: NonNullable<TicketFilter['due']>, now: Date) {
  const esc = (d: Date) => sequelize.escape(d as unknown as string);
  const range =
    due === 'overdue' ? `active_due_at <= ${esc(now)}` : `active_due_at > ${esc(now)} AND active_due_at <= ${esc(new Date(now.getTime() + 3_600_000))}`;
  return literal(`\`TicketModel\`.\`id\` IN (SELECT ticket_id FROM ticket_sla_targets WHERE ${range})`);
}

/** A due-sort cursor value as a DATETIME(3) literal: Sequelize's own date escaping drops the milliseconds. */
function dueLiteral(value: string | number) {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new DomainError('bad_request', 'TICKET_INVALID_CURSOR', 'cursor: is not a cursor this API gave out', 'cursor');
  return literal(`'${d.toISOString().replace('T', ' ').replace('Z', '')}'`);
}

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

/** The SQL conditions for a queue filter (the caller adds the CASL-derived visibility). */
export function filterConditions(
  sequelize: Sequelize,
  filter: TicketFilter,
  me: number,
  fields: FieldRef[],
): WhereOptions[] {
  const where: WhereOptions[] = [];
  const esc = (v: unknown) => sequelize.escape(v as string);
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
  if (filter.tag) {
    where.push(
      literal(
        // Meant as a probe per row while walking the sort index; MariaDB (exists_to_in) still plans it as
        // a materialised semi-join: ~1 s at a million tickets (bench:queue). Follow-up in the notes.
        `EXISTS (SELECT 1 FROM ticket_tags tt JOIN tags t ON t.id = tt.tag_id WHERE tt.ticket_id = \`TicketModel\`.\`id\` AND t.name = ${esc(filter.tag)})`,
      ),
    );
  }
  for (const [key, raw] of Object.entries(filter.fields ?? {})) {
    const matching = fields.filter((f) => f.key === key);
    if (matching.length === 0) {
      throw new DomainError('bad_request', 'TICKET_UNKNOWN_FIELD', `fields.${key}: there is no custom field "${key}"`, `fields.${key}`);
    }
    // A key may exist in several issue types (with one kind each); any of them matches.
    const ors = matching.map((f) => {
      const value = f.kind === 'checkbox' ? (raw === true || raw === 'true' ? 1 : 0) : raw;
      return `(field_id = ${f.id} AND ${VALUE_COLUMN[f.kind]} = ${esc(value)})`;
    });
    where.push(
      literal(`EXISTS (SELECT 1 FROM ticket_field_values WHERE ticket_id = \`TicketModel\`.\`id\` AND (${ors.join(' OR ')}))`),
    );
  }
  return where;
}

/** Keyset condition: rows after the cursor in the sort order (ties broken by id). */
export function afterCursor(filter: TicketFilter, cursor: string): WhereOptions {
  const { value, id } = decodeCursor(cursor);
  const op = filter.direction === 'desc' ? Op.lt : Op.gt;
  const expr = sortExpression(filter.sort);
  const v = filter.sort === 'created' || filter.sort === 'updated' ? new Date(value) : filter.sort === 'due' ? dueLiteral(value) : value;
  // "sort <= v AND (sort < v OR id < last)": the first half is an index range both MySQL and
  // MariaDB use; a bare OR (or a row comparison, on MariaDB) makes them scan.
  const inclusive = filter.direction === 'desc' ? Op.lte : Op.gte;
  return {
    [Op.and]: [whereFn(expr, inclusive, v), { [Op.or]: [whereFn(expr, op, v), { id: { [op]: id } }] }],
  };
}
