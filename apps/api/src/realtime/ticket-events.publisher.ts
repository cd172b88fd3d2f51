import { Logger } from '@nestjs/common';
import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { TicketCreatedEvent } from '../tickets/events/ticket-created.event.js';
import { TicketEntryAddedEvent } from '../tickets/events/ticket-entry-added.event.js';
import { TicketEntryUpdatedEvent } from '../tickets/events/ticket-entry-updated.event.js';
import { TicketUpdatedEvent } from '../tickets/events/ticket-updated.event.js';
import { EventLog } from './event-log.js';
import type { StoredTicketEvent } from './live-access.js';
import { TicketFactsReader } from './ticket-facts.reader.js';
import { topics } from './topics.js';

type TicketEvent = TicketCreatedEvent | TicketUpdatedEvent | TicketEntryAddedEvent | TicketEntryUpdatedEvent;

/**
 * Turns the tickets module's events (published after commit) into live events: on the ticket's
 * topic (its timeline and fields) and, for created and changed tickets, on the queue topic. An
 * entry changed later (a call's recording, a delivery state) is an `entry.updated` on its ticket's topic.
 * Event handlers must not throw (nestjs/cqrs#409): a failure is logged, and clients that missed
 * the event still see the change on their next load.
 */
@EventsHandler(TicketCreatedEvent, TicketUpdatedEvent, TicketEntryAddedEvent, TicketEntryUpdatedEvent)
export class TicketEventsPublisher implements IEventHandler<TicketEvent> {
  private readonly logger = new Logger(TicketEventsPublisher.name);

  constructor(
    private readonly facts: TicketFactsReader,
    private readonly log: EventLog,
  ) {}

  async handle(event: TicketEvent) {
    if (event instanceof TicketEntryUpdatedEvent) return this.entryUpdated(event);
    try {
      const access = await this.facts.read(event.ticketId);
      if (!access) return;
      const at = new Date().toISOString();
      const base = { ticketId: event.ticketId, actorId: event.actorId, at, access };
      if (event instanceof TicketEntryAddedEvent) {
        const stored: StoredTicketEvent = { ...base, type: 'entry.added', entryId: event.entryId, kind: event.kind, visibility: event.visibility };
        await this.log.append(topics.ticket(event.ticketId), stored);
        return;
      }
      const stored: StoredTicketEvent =
        event instanceof TicketCreatedEvent
          ? { ...base, type: 'ticket.created', status: access.status }
          : { ...base, type: 'ticket.updated', status: access.status, changes: event.changes };
      await this.log.append(topics.ticket(event.ticketId), stored);
      await this.log.append(topics.queue(), stored);
    } catch (error) {
      this.logger.error(`ticket #${event.ticketId}: live event not published: ${(error as Error).message}`);
    }
  }

  private async entryUpdated(event: TicketEntryUpdatedEvent) {
    try {
      const entry = await this.facts.entry(event.entryId);
      const access = entry && (await this.facts.read(entry.ticketId));
      if (!entry || !access) return;
      const stored: StoredTicketEvent = {
        type: 'entry.updated',
        ticketId: entry.ticketId,
        entryId: event.entryId,
        kind: entry.kind,
        visibility: entry.visibility,
        change: event.change,
        actorId: event.actorId,
        at: new Date().toISOString(),
        access,
      };
      await this.log.append(topics.ticket(entry.ticketId), stored);
    } catch (error) {
      this.logger.error(`entry ${event.entryId}: live event not published: ${(error as Error).message}`);
    }
  }
}
