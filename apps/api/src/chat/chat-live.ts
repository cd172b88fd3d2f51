import { Injectable, Logger } from '@nestjs/common';
import { EventLog } from '../realtime/event-log.js';
import { topics } from '../realtime/topics.js';
import { ChatSessionRepository } from './chat-session.repository.js';

/** The live topic of one chat's session state (accepted, transferred, ended): signals, never stored. */
export const chatTopic = (chatId: number) => `chat:${chatId}`;

export interface ChatSignal {
  type: 'chat.changed';
  chatId: number;
}

/**
 * What the `chats` topic stores: that a chat changed (never what), with the fields its access is
 * decided on. Agents' live.chats subscriptions read their list again on each one.
 */
export interface StoredChatEvent {
  type: 'chat.changed';
  chatId: number;
  ticketId: number;
  at: string;
  access: { companyId: number };
}

/**
 * Tells the visitor's open event stream (any api process) that the chat's state changed, and the
 * agents' chat lists that it may look different. Never throws: a lost event is caught up by the
 * next one or the page's next load.
 */
@Injectable()
export class ChatLive {
  private readonly logger = new Logger(ChatLive.name);

  constructor(
    private readonly log: EventLog,
    private readonly chats: ChatSessionRepository,
  ) {}

  /** The chat's session changed (started, accepted, transferred, ended): the visitor and the agents' lists hear of it. */
  async changed(chatId: number) {
    try {
      await this.log.signal<ChatSignal>(chatTopic(chatId), { type: 'chat.changed', chatId });
    } catch (error) {
      this.logger.warn(`chat ${chatId}: live signal not sent: ${(error as Error).message}`);
    }
    const chat = await this.chats.byId(chatId).catch(() => null);
    if (chat) await this.listChanged(chat);
  }

  /** Only the agents' lists (a message, an assignment by routing): the visitor's stream hears of those through the ticket's topic. */
  async listChanged(chat: { id: number; ticketId: number; companyId: number }) {
    try {
      const event: StoredChatEvent = { type: 'chat.changed', chatId: chat.id, ticketId: chat.ticketId, at: new Date().toISOString(), access: { companyId: chat.companyId } };
      await this.log.append(topics.chats(), event);
    } catch (error) {
      this.logger.warn(`chat ${chat.id}: chat list event not published: ${(error as Error).message}`);
    }
  }
}
