import { Injectable, type OnModuleInit } from '@nestjs/common';
import { LocalMailer } from '../notifications/local-mailer.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import type { OutgoingReply, ReplySender } from '../channels/outgoing-reply.js';
import { ReplySenders } from '../channels/reply-senders.js';
import { ChatSessionRepository } from './chat-session.repository.js';

/**
 * Replies on `chat` tickets: while the chat is open the widget shows them live, so nothing is sent;
 * after it ended (an unanswered chat that became a ticket) the visitor gets them by email.
 */
@Injectable()
export class ChatReplySender implements ReplySender, OnModuleInit {
  constructor(
    private readonly senders: ReplySenders,
    private readonly chats: ChatSessionRepository,
    private readonly mailer: LocalMailer,
    private readonly outbox: OutboxRepository,
  ) {}

  onModuleInit() {
    this.senders.register(['chat'], this);
  }

  async send(reply: OutgoingReply): Promise<void> {
    const chat = await this.chats.byTicket(reply.ticketId);
    if (chat && chat.state !== 'ended') {
      await this.outbox.markDone(reply.outboxId);
      return;
    }
    await this.mailer.send(reply.outboxId, {
      recipient: chat?.visitorEmail ?? reply.requester.email,
      subject: `[#${reply.ticketId}] Re: ${reply.ticketSubject}`,
      body: `Hello ${reply.requester.name},\n\n${reply.author.name} answered your chat #${reply.ticketId}:\n\n${reply.body}\n`,
      ticketId: reply.ticketId,
      automatic: false,
    });
  }
}
