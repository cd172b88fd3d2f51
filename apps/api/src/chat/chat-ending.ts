import { Injectable } from '@nestjs/common';
import type { ChatEndReason } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { ChatLive } from './chat-live.js';
import { ChatSessionRepository, type ChatRow } from './chat-session.repository.js';
import { VISITOR_EMAIL_DOMAIN } from './chat-visitor.repository.js';

/** A chat nobody answered (no agent, or the visitor left before one came) continues by email. */
export const needsFollowUp = (chat: Pick<ChatRow, 'state' | 'endReason' | 'acceptedAt'>) =>
  chat.state === 'ended' && (chat.endReason === 'no_agent' || (chat.endReason === 'abandoned' && !chat.acceptedAt));

/**
 * Ends chats and queues the follow-up email. The conversation stays the ticket's timeline; an
 * unanswered chat is an ordinary open ticket from now on, and the visitor hears by email (once,
 * through the outbox, as soon as an address is known).
 */
@Injectable()
export class ChatEnding {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly chats: ChatSessionRepository,
    private readonly outbox: OutboxRepository,
    private readonly live: ChatLive,
  ) {}

  /** Ends the chat if it is still open; returns whether this call ended it. */
  async end(chatId: number, reason: ChatEndReason, now = new Date()): Promise<boolean> {
    const ended = await this.sequelize.transaction(async (transaction) => {
      const chat = await this.chats.byId(chatId, transaction);
      if (!chat || chat.state === 'ended') return false;
      // A visitor who leaves before anyone accepted is a chat with no agent.
      const final: ChatEndReason = reason === 'visitor' && !chat.acceptedAt ? 'no_agent' : reason;
      await this.chats.end(chatId, final, now, transaction);
      await this.queueFollowUp({ ...chat, state: 'ended', endReason: final }, now, transaction);
      return true;
    });
    if (ended) await this.live.changed(chatId);
    return ended;
  }

  /** After the visitor gave an email address: a chat that already ended unanswered gets its follow-up now. */
  async followUpIfDue(chatId: number, now = new Date()) {
    await this.sequelize.transaction(async (transaction) => {
      const chat = await this.chats.byId(chatId, transaction);
      if (chat) await this.queueFollowUp(chat, now, transaction);
    });
  }

  private async queueFollowUp(chat: ChatRow, now: Date, transaction: Parameters<OutboxRepository['append']>[2]) {
    if (!needsFollowUp(chat) || chat.followUpAt) return;
    const email = chat.visitorEmail;
    if (!email || email.endsWith(VISITOR_EMAIL_DOMAIN)) return;
    if (!(await this.chats.claimFollowUp(chat.id, now, transaction))) return;
    await this.outbox.append(
      'chat.follow_up',
      { chatId: chat.id, ticketId: chat.ticketId, email, name: chat.visitorName ?? 'there', reason: chat.endReason === 'no_agent' ? 'no_agent' : 'abandoned' },
      transaction,
    );
  }
}
