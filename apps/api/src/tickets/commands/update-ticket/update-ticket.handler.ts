import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import { derivePriority, type Ticket } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../audit/audit.repository.js';
import type { TicketFieldChange } from '../../events/ticket-updated.event.js';
import { TicketUpdatedEvent } from '../../events/ticket-updated.event.js';
import { toTicket } from '../../ticket.mapper.js';
import type { TicketModel } from '../../ticket.model.js';
import { TicketRepository, type TicketChanges } from '../../ticket.repository.js';
import { ticketSubject } from '../../ticket.subject.js';
import { canTransition } from '../../ticket-workflow.js';
import { TicketErrors } from '../../tickets.errors.js';
import { UpdateTicketCommand } from './update-ticket.command.js';

@CommandHandler(UpdateTicketCommand)
export class UpdateTicketHandler implements ICommandHandler<UpdateTicketCommand, Ticket> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly tickets: TicketRepository,
    private readonly audit: AuditRepository,
    private readonly events: EventBus,
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

      const { changes, fieldChanges } = this.diff(ticket, data);
      if (fieldChanges.length === 0) return { ticket, fieldChanges };

      const applied = await this.tickets.updateIfVersion(ticket.id, ticket.version, changes, transaction);
      if (!applied) throw TicketErrors.stale(ticket.id, ticket.version + 1, ticket.version, null, 0);
      for (const change of fieldChanges) {
        await this.tickets.addEntry(
          {
            ticketId: ticket.id,
            kind: 'event',
            visibility: 'public',
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
      await this.audit.record(
        actor,
        {
          action: 'ticket.updated',
          subjectType: 'Ticket',
          subjectId: ticket.id,
          before: Object.fromEntries(fieldChanges.map((c) => [c.field, c.from])),
          after: Object.fromEntries(fieldChanges.map((c) => [c.field, c.to])),
        },
        transaction,
      );
      return { ticket: (await this.tickets.findById(ticket.id, { transaction }))!, fieldChanges };
    });

    if (result.fieldChanges.length > 0) {
      this.events.publish(new TicketUpdatedEvent(ticketId, result.fieldChanges, actor.user.id));
    }
    return toTicket(result.ticket, actor.user);
  }

  private diff(ticket: TicketModel, data: UpdateTicketCommand['data']) {
    const changes: TicketChanges = {};
    const fieldChanges: TicketFieldChange[] = [];
    if (data.status && data.status !== ticket.status) {
      if (!canTransition(ticket.status, data.status)) throw TicketErrors.invalidTransition(ticket.status, data.status);
      changes.status = data.status;
      if (data.status === 'resolved') changes.resolvedAt = new Date();
      if (data.status === 'closed') changes.closedAt = new Date();
      if (data.status === 'open' || data.status === 'in_progress') changes.resolvedAt = null;
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
    return { changes, fieldChanges };
  }
}
