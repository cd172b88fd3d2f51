import { Logger } from '@nestjs/common';
import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { TicketFactsReader } from '../realtime/ticket-facts.reader.js';
import { TicketEntryAddedEvent } from '../tickets/events/ticket-entry-added.event.js';
import { NotificationFeed } from './notification-feed.service.js';

/**
 * The customer wrote again on a ticket assigned to someone: it lands in the assignee's bell (unless
 * they turned "customer_replied" off in-app). Runs after commit; event handlers must not throw.
 */
@EventsHandler(TicketEntryAddedEvent)
export class CustomerRepliedHandler implements IEventHandler<TicketEntryAddedEvent> {
  private readonly logger = new Logger(CustomerRepliedHandler.name);

  constructor(
    private readonly tickets: TicketFactsReader,
    private readonly feed: NotificationFeed,
  ) {}

  async handle(event: TicketEntryAddedEvent) {
    if (event.kind !== 'message' || event.visibility !== 'public') return;
    try {
      const facts = await this.tickets.read(event.ticketId);
      if (!facts?.assigneeId || facts.assigneeId === event.actorId || facts.requesterId !== event.actorId) return;
      const subject = (await this.tickets.subject(event.ticketId)) ?? '';
      await this.feed.notify(facts.assigneeId, {
        kind: 'customer_replied',
        ticketId: event.ticketId,
        title: `The customer replied on #${event.ticketId}`,
        body: subject,
      });
    } catch (error) {
      this.logger.error(`ticket #${event.ticketId}: customer-replied notification failed: ${(error as Error).message}`);
    }
  }
}
