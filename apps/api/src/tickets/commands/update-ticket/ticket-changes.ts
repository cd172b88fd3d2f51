import { derivePriority } from '@switchboard/contracts';
import type { TicketFieldChange } from '../../events/ticket-updated.event.js';
import type { TicketModel } from '../../ticket.model.js';
import type { TicketChanges } from '../../ticket.repository.js';
import { canTransition } from '../../ticket-workflow.js';
import { TicketErrors } from '../../tickets.errors.js';
import type { UpdateTicketData } from './update-ticket.command.js';

/** Names of what the new ids point at, looked up by the handler. */
export interface ResolvedNames {
  issueTypeName?: string | null;
  categoryName?: string | null;
  teamName?: string | null;
  assigneeName?: string | null;
}

export interface TicketDiff {
  changes: TicketChanges;
  fieldChanges: TicketFieldChange[];
  tags: string[] | null;
}

/**
 * What an update changes on a ticket: the row changes, the events to record, and the new tag list
 * (null when tags are untouched). Pure: the handler has checked the references and looked up names.
 */
export function diffTicket(ticket: TicketModel, currentTags: string[], data: UpdateTicketData, names: ResolvedNames): TicketDiff {
  const changes: TicketChanges = {};
  const fieldChanges: TicketFieldChange[] = [];

  if (data.status && data.status !== ticket.status) {
    const workflow = ticket.issueType?.transitions ?? null;
    if (!canTransition(ticket.status, data.status, workflow)) throw TicketErrors.invalidTransition(ticket.status, data.status);
    changes.status = data.status;
    if (data.status === 'resolved') changes.resolvedAt = new Date();
    if (data.status === 'closed') changes.closedAt = new Date();
    if (data.status !== 'resolved' && data.status !== 'closed') changes.resolvedAt = null;
    fieldChanges.push({ field: 'status', from: ticket.status, to: data.status });
  }
  for (const field of ['urgency', 'importance'] as const) {
    const value = data[field];
    if (value && value !== ticket[field]) {
      changes[field] = value;
      fieldChanges.push({ field, from: ticket[field], to: value });
    }
  }
  if (changes.urgency || changes.importance) {
    changes.priority = derivePriority(changes.urgency ?? ticket.urgency, changes.importance ?? ticket.importance);
  }

  const reference = (
    key: 'issueTypeId' | 'categoryId' | 'teamId' | 'assigneeId',
    field: TicketFieldChange['field'],
    fromName: string | null,
    toName: string | null | undefined,
  ) => {
    const value = data[key];
    if (value === undefined || value === ticket[key]) return;
    changes[key] = value;
    fieldChanges.push({ field, from: fromName, to: value === null ? null : (toName ?? String(value)) });
  };
  reference('issueTypeId', 'issue_type', ticket.issueType?.name ?? null, names.issueTypeName);
  reference('categoryId', 'category', ticket.category?.name ?? null, names.categoryName);
  reference('teamId', 'team', ticket.team?.name ?? null, names.teamName);
  reference('assigneeId', 'assignee', ticket.assignee?.name ?? null, names.assigneeName);

  let tags: string[] | null = null;
  if (data.tags || data.addTags || data.removeTags) {
    const next = new Set(data.tags ?? currentTags);
    for (const t of data.addTags ?? []) next.add(t);
    for (const t of data.removeTags ?? []) next.delete(t);
    const sorted = [...next].sort();
    const before = [...currentTags].sort();
    if (sorted.join('\u0000') !== before.join('\u0000')) {
      tags = sorted;
      fieldChanges.push({ field: 'tags', from: before.join(', ') || null, to: sorted.join(', ') || null });
    }
  }
  return { changes, fieldChanges, tags };
}
