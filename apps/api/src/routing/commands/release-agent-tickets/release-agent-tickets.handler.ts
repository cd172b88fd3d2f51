import { Logger } from '@nestjs/common';
import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { TicketUpdatedEvent } from '../../../tickets/events/ticket-updated.event.js';
import { SystemActor } from '../../../users/system-actor.js';
import { RoutingRepository } from '../../routing.repository.js';
import { ReleaseAgentTicketsCommand } from './release-agent-tickets.command.js';

/**
 * A suspended agent's open tickets go back to their teams: each is unassigned in its own small
 * transaction (ticket row only, so it cannot deadlock with routing's team-then-ticket order) with a
 * staff-only timeline event and an audit entry; the TicketUpdated event that follows makes the
 * routing saga route the ticket again. Never throws (saga command): the reconciliation retries.
 */
@CommandHandler(ReleaseAgentTicketsCommand)
export class ReleaseAgentTicketsHandler implements ICommandHandler<ReleaseAgentTicketsCommand, number> {
  private readonly logger = new Logger(ReleaseAgentTicketsHandler.name);

  constructor(
    private readonly sequelize: Sequelize,
    private readonly routing: RoutingRepository,
    private readonly audit: AuditRepository,
    private readonly system: SystemActor,
    private readonly events: EventBus,
  ) {}

  async execute({ userId, name }: ReleaseAgentTicketsCommand): Promise<number> {
    let released = 0;
    try {
      const actor = await this.system.get();
      const reason = `unassigned: ${name} was suspended`;
      for (const ticket of await this.routing.openTicketsOf(userId)) {
        const done = await this.sequelize.transaction(async (transaction) => {
          if (!(await this.routing.unassignFrom(ticket.id, userId, transaction))) return false;
          await this.routing.addEvent(ticket, 'assignee', null, reason, transaction, name);
          await this.audit.record(
            actor,
            { action: 'ticket.unassigned_suspended', subjectType: 'Ticket', subjectId: ticket.id, before: { assigneeId: userId }, after: { assigneeId: null, reason } },
            transaction,
          );
          return true;
        });
        if (!done) continue;
        released++;
        this.events.publish(new TicketUpdatedEvent(ticket.id, [{ field: 'assignee', from: name, to: null }], actor.user.id));
      }
    } catch (error) {
      this.logger.error(`releasing the tickets of suspended user ${userId} failed, the reconciliation will retry: ${(error as Error).message}`);
    }
    return released;
  }
}
