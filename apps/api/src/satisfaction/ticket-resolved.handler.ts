import { Logger } from '@nestjs/common';
import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { Sequelize } from 'sequelize-typescript';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { TicketUpdatedEvent } from '../tickets/events/ticket-updated.event.js';
import { SatisfactionRepository } from './satisfaction.repository.js';

/**
 * When a ticket becomes resolved, ask its requester for a rating: an outbox row, in a transaction of
 * its own (the change that resolved the ticket has committed already), turned into an email by the worker.
 * Event handlers must not throw (nestjs/cqrs#409): failures are logged.
 */
@EventsHandler(TicketUpdatedEvent)
export class TicketResolvedHandler implements IEventHandler<TicketUpdatedEvent> {
  private readonly logger = new Logger(TicketResolvedHandler.name);

  constructor(
    private readonly sequelize: Sequelize,
    private readonly ratings: SatisfactionRepository,
    private readonly outbox: OutboxRepository,
  ) {}

  async handle(event: TicketUpdatedEvent) {
    if (!event.changes.some((c) => c.field === 'status' && c.to === 'resolved')) return;
    try {
      await this.sequelize.transaction(async (transaction) => {
        const ticket = await this.ratings.ticket(event.ticketId, transaction);
        if (!ticket || ticket.status !== 'resolved') return;
        await this.outbox.append(
          'ticket.resolved',
          { ticketId: ticket.id, requesterEmail: ticket.requesterEmail, requesterName: ticket.requesterName },
          transaction,
        );
      });
    } catch (error) {
      this.logger.error(`ticket #${event.ticketId}: could not queue the rating request: ${(error as Error).message}`);
    }
  }
}
