import { Logger } from '@nestjs/common';
import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { TicketFactsReader } from '../realtime/ticket-facts.reader.js';
import { TicketUpdatedEvent } from '../tickets/events/ticket-updated.event.js';
import { NotificationFeed } from './notification-feed.service.js';

/**
 * A ticket assigned to someone by someone else lands in their bell. Runs after the change has
 * committed; event handlers must not throw (nestjs/cqrs#409), so a failure is logged.
 */
@EventsHandler(TicketUpdatedEvent)
export class TicketAssignedHandler implements IEventHandler<TicketUpdatedEvent> {
  private readonly logger = new Logger(TicketAssignedHandler.name);

  constructor(
    private readonly tickets: TicketFactsReader,
    private readonly feed: NotificationFeed,
  ) {}

  async handle(event: TicketUpdatedEvent) {
    if (!event.changes.some((c) => c.field === 'assignee' && c.to !== null)) return;
    try {
      const facts = await this.tickets.read(event.ticketId);
      if (!facts?.assigneeId || facts.assigneeId === event.actorId) return;
      const subject = (await this.tickets.subject(event.ticketId)) ?? '';
      await this.feed.notify(facts.assigneeId, {
        kind: 'assigned',
        ticketId: event.ticketId,
        title: `Ticket #${event.ticketId} was assigned to you`,
        body: subject,
      });
    } catch (error) {
      this.logger.error(`ticket #${event.ticketId}: assignment notification failed: ${(error as Error).message}`);
    }
  }
}
