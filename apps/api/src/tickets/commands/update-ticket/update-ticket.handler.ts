import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import type { Ticket } from '@switchboard/contracts';
import type { Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { StaffTicketNotices } from '../../../inbox/staff-ticket-notices.js';
import type { Actor } from '../../../common/actor.js';
import { TicketUpdatedEvent } from '../../events/ticket-updated.event.js';
import type { TicketModel } from '../../ticket.model.js';
import { TicketPresenter } from '../../ticket.presenter.js';
import { TicketReferences } from '../../ticket-references.js';
import { TicketRepository } from '../../ticket.repository.js';
import { ticketSubject } from '../../ticket.subject.js';
import { TicketErrors } from '../../tickets.errors.js';
import { diffTicket, type ResolvedNames } from './ticket-changes.js';
import { UpdateTicketCommand, type UpdateTicketData } from './update-ticket.command.js';

/** Internal routing details (type, category, team, assignee, tags) are staff-only events; the rest the customer sees. */
const PUBLIC_FIELDS = new Set(['status', 'urgency', 'importance']);

@CommandHandler(UpdateTicketCommand)
export class UpdateTicketHandler implements ICommandHandler<UpdateTicketCommand, Ticket> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly tickets: TicketRepository,
    private readonly references: TicketReferences,
    private readonly presenter: TicketPresenter,
    private readonly audit: AuditRepository,
    private readonly events: EventBus,
    private readonly notices: StaffTicketNotices,
  ) {}

  async execute({ actor, ticketId, data }: UpdateTicketCommand): Promise<Ticket> {
    const result = await this.sequelize.transaction(async (transaction) => {
      const ticket = await this.tickets.findById(ticketId, { transaction, forUpdate: true });
      if (!ticket || actor.ability.cannot('read', ticketSubject(ticket))) throw TicketErrors.notFound(ticketId);
      if (actor.ability.cannot('update', ticketSubject(ticket))) throw TicketErrors.forbidden(`update ticket #${ticketId}`);
      if (data.version !== undefined && data.version !== ticket.version) {
        const last = await this.audit.latestChange('Ticket', ticket.id, transaction);
        const secondsAgo = Math.max(0, Math.round((Date.now() - (last?.at ?? ticket.updatedAt).getTime()) / 1000));
        throw TicketErrors.stale(ticket.id, ticket.version, data.version, last?.actorName ?? null, secondsAgo);
      }

      const names = await this.resolve(data, transaction);
      const currentTags = (await this.tickets.tagsFor([ticket.id])).get(ticket.id) ?? [];
      const diff = diffTicket(ticket, currentTags, data, names);
      const fieldRows = await this.customFieldRows(ticket, data, transaction);
      if (diff.fieldChanges.length === 0 && fieldRows.size === 0) return { ticket, fieldChanges: [] };

      const applied = await this.tickets.updateIfVersion(ticket.id, ticket.version, diff.changes, transaction);
      if (!applied) throw TicketErrors.stale(ticket.id, ticket.version + 1, ticket.version, null, 0);
      if (diff.tags) await this.tickets.setTags(ticket.id, diff.tags, transaction);
      await this.tickets.replaceFieldRows(ticket.id, fieldRows, transaction);
      for (const change of diff.fieldChanges) {
        await this.tickets.addEntry(
          {
            ticketId: ticket.id,
            kind: 'event',
            visibility: PUBLIC_FIELDS.has(change.field) ? 'public' : 'internal',
            authorId: actor.user.id,
            channel: ticket.channel,
            body: '',
            eventField: change.field,
            eventFrom: change.from,
            eventTo: change.to,
          },
          transaction,
        );
      }
      await this.record(actor, ticket.id, diff.fieldChanges, data, transaction);
      // The new assignee hears by email, exactly when the change commits (not when they assigned themselves).
      if (diff.changes.assigneeId) {
        await this.notices.append('ticket.assigned', { ticketId: ticket.id, subject: ticket.subject, actorId: actor.user.id, recipientIds: [diff.changes.assigneeId] }, transaction);
      }
      // Moved into a team by someone: its members hear of it as a new ticket in their team.
      if (diff.changes.teamId && names.teamName) {
        await this.notices.teamTicket({ id: Number(ticket.id), subject: ticket.subject }, { id: diff.changes.teamId, name: names.teamName }, actor.user.id, transaction);
      }
      return { ticket: (await this.tickets.findById(ticket.id, { transaction }))!, fieldChanges: diff.fieldChanges };
    });

    if (result.fieldChanges.length > 0) {
      this.events.publish(new TicketUpdatedEvent(ticketId, result.fieldChanges, actor.user.id));
    }
    return this.presenter.presentOne(result.ticket, actor.user);
  }

  /** Checks the ids the update points at and returns their names for the timeline. */
  private async resolve(data: UpdateTicketData, transaction: Transaction): Promise<ResolvedNames> {
    const names: ResolvedNames = {};
    if (data.issueTypeId) names.issueTypeName = (await this.references.issueType(data.issueTypeId, { forCustomer: false, transaction })).name;
    if (data.categoryId) names.categoryName = (await this.references.category(data.categoryId, transaction)).name;
    if (data.teamId) names.teamName = (await this.references.team(data.teamId, transaction)).name;
    if (data.assigneeId) names.assigneeName = (await this.references.assignee(data.assigneeId, transaction)).name;
    return names;
  }

  /** Custom field values to write, validated against the ticket's (possibly new) issue type. */
  private async customFieldRows(ticket: TicketModel, data: UpdateTicketData, transaction: Transaction) {
    if (!data.customFields || Object.keys(data.customFields).length === 0) return new Map();
    const typeId = data.issueTypeId !== undefined ? data.issueTypeId : ticket.issueTypeId;
    const type = typeId ? await this.references.issueType(typeId, { forCustomer: false, transaction }) : null;
    return this.references.fieldRows(type, data.customFields, { requireAll: false, customer: false });
  }

  private async record(actor: Actor, ticketId: number, changes: ReturnType<typeof diffTicket>['fieldChanges'], data: UpdateTicketData, transaction: Transaction) {
    await this.audit.record(
      actor,
      {
        action: 'ticket.updated',
        subjectType: 'Ticket',
        subjectId: ticketId,
        before: Object.fromEntries(changes.map((c) => [c.field, c.from])),
        after: { ...Object.fromEntries(changes.map((c) => [c.field, c.to])), ...(data.customFields ? { customFields: data.customFields } : {}) },
      },
      transaction,
    );
  }
}
