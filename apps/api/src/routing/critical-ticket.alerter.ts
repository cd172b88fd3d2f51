import { Logger } from '@nestjs/common';
import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { Sequelize } from 'sequelize-typescript';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { TicketCreatedEvent } from '../tickets/events/ticket-created.event.js';
import { RoutingRepository } from './routing.repository.js';

/**
 * A ticket that is critical in urgency and in importance does not wait for routing: every online
 * staff member and every manager is emailed at once (one outbox row; the worker sends one email per person).
 * Event handlers must not throw (nestjs/cqrs#409): failures are logged.
 */
@EventsHandler(TicketCreatedEvent)
export class CriticalTicketAlerter implements IEventHandler<TicketCreatedEvent> {
  private readonly logger = new Logger(CriticalTicketAlerter.name);

  constructor(
    private readonly sequelize: Sequelize,
    private readonly routing: RoutingRepository,
    private readonly outbox: OutboxRepository,
  ) {}

  async handle(event: TicketCreatedEvent) {
    try {
      const ticket = await this.routing.ticket(event.ticketId);
      if (!ticket || ticket.urgency !== 'critical' || ticket.importance !== 'critical') return;
      await this.sequelize.transaction(async (transaction) => {
        const recipients = await this.routing.criticalRecipients(transaction);
        if (recipients.length) await this.outbox.append('ticket.critical', { ticketId: ticket.id, subject: ticket.subject, recipients }, transaction);
      });
    } catch (error) {
      this.logger.error(`ticket #${event.ticketId}: could not queue the critical alert: ${(error as Error).message}`);
    }
  }
}
