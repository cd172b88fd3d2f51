import { Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import type { Ticket, TicketStatus } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import type { Action } from '../access/app-ability.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { Actor } from '../common/actor.js';
import { TicketUpdatedEvent } from './events/ticket-updated.event.js';
import { TicketPresenter } from './ticket.presenter.js';
import { TicketRepository, type TicketChanges } from './ticket.repository.js';
import { ticketSubject } from './ticket.subject.js';
import { TicketErrors } from './tickets.errors.js';

export interface Transition {
  /** The ability the actor needs on this ticket ('close' or 'reopen'). */
  action: Action;
  to: TicketStatus;
  /** The statuses this transition starts from. */
  from: readonly TicketStatus[];
}

/**
 * One status change a requester may make on their own ticket (close it, reopen it), with the same
 * trail as any update: optimistic lock, timeline event, audit row, TicketUpdatedEvent after commit.
 */
@Injectable()
export class RequesterTransition {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly tickets: TicketRepository,
    private readonly audit: AuditRepository,
    private readonly events: EventBus,
    private readonly presenter: TicketPresenter,
  ) {}

  async apply(actor: Actor, ticketId: number, transition: Transition, version?: number): Promise<Ticket> {
    const result = await this.sequelize.transaction(async (transaction) => {
      const ticket = await this.tickets.findById(ticketId, { transaction, forUpdate: true });
      if (!ticket || actor.ability.cannot('read', ticketSubject(ticket))) throw TicketErrors.notFound(ticketId);
      if (actor.ability.cannot(transition.action, ticketSubject(ticket))) {
        throw TicketErrors.forbidden(`${transition.action} ticket #${ticketId}`);
      }
      if (version !== undefined && version !== ticket.version) {
        throw TicketErrors.stale(ticket.id, ticket.version, version, null, 0);
      }
      const from = ticket.status;
      if (!transition.from.includes(from)) throw TicketErrors.invalidTransition(from, transition.to);

      const changes: TicketChanges = { status: transition.to };
      if (transition.to === 'closed') changes.closedAt = new Date();
      if (transition.to === 'open') changes.resolvedAt = null;
      if (!(await this.tickets.updateIfVersion(ticket.id, ticket.version, changes, transaction))) {
        throw TicketErrors.stale(ticket.id, ticket.version + 1, ticket.version, null, 0);
      }
      await this.tickets.addEntry(
        {
          ticketId,
          kind: 'event',
          visibility: 'public',
          authorId: actor.user.id,
          channel: ticket.channel,
          body: '',
          eventField: 'status',
          eventFrom: from,
          eventTo: transition.to,
        },
        transaction,
      );
      await this.audit.record(
        actor,
        { action: `ticket.${transition.action === 'close' ? 'closed' : 'reopened'}`, subjectType: 'Ticket', subjectId: ticketId, before: { status: from }, after: { status: transition.to } },
        transaction,
      );
      return { ticket: (await this.tickets.findById(ticketId, { transaction }))!, from };
    });
    this.events.publish(new TicketUpdatedEvent(ticketId, [{ field: 'status', from: result.from, to: transition.to }], actor.user.id));
    return this.presenter.presentOne(result.ticket, actor.user);
  }
}
