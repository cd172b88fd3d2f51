import { Logger } from '@nestjs/common';
import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { TicketEntryAddedEvent } from '../tickets/events/ticket-entry-added.event.js';
import { TicketUpdatedEvent } from '../tickets/events/ticket-updated.event.js';
import { ChatLive } from './chat-live.js';
import { ChatSessionRepository } from './chat-session.repository.js';

/**
 * Changes of a chat's ticket that are not the chat module's own (a visitor's or agent's message,
 * routing offering it to an agent, a change of team) reach the agents' live chat lists.
 * Event handlers must not throw (nestjs/cqrs#409).
 */
@EventsHandler(TicketUpdatedEvent, TicketEntryAddedEvent)
export class ChatListPublisher implements IEventHandler<TicketUpdatedEvent | TicketEntryAddedEvent> {
  private readonly logger = new Logger(ChatListPublisher.name);

  constructor(
    private readonly chats: ChatSessionRepository,
    private readonly live: ChatLive,
  ) {}

  async handle(event: TicketUpdatedEvent | TicketEntryAddedEvent) {
    try {
      const chat = await this.chats.byTicket(event.ticketId);
      if (chat && chat.state !== 'ended') await this.live.listChanged(chat);
    } catch (error) {
      this.logger.warn(`ticket #${event.ticketId}: chat list event not published: ${(error as Error).message}`);
    }
  }
}
