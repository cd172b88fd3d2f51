import { Injectable } from '@nestjs/common';
import type { ChatSummary } from '@switchboard/contracts';
import type { Actor } from '../common/actor.js';
import { ChatErrors } from './chat.errors.js';
import { toChatSummary } from './chat.mapper.js';
import { ChatSessionRepository, type ChatRow } from './chat-session.repository.js';
import { ChatSummaryRepository } from './chat-summary.repository.js';

/** Loads a chat for an agent (not found when they may not `action` it: ids reveal nothing) and summarizes it. */
@Injectable()
export class ChatAccess {
  constructor(
    private readonly chats: ChatSessionRepository,
    private readonly summaries: ChatSummaryRepository,
  ) {}

  async load(actor: Actor, chatId: number, action: 'read' | 'update'): Promise<ChatRow> {
    const chat = await this.chats.byId(chatId);
    if (!chat || actor.ability.cannot(action, 'ChatSession')) throw ChatErrors.notFound(chatId);
    return chat;
  }

  async summary(actor: Actor, chatId: number): Promise<ChatSummary> {
    const chat = await this.load(actor, chatId, 'read');
    const facts = await this.summaries.facts([chat]);
    return toChatSummary(chat, facts.get(chat.id), await this.summaries.placeInQueue(chat));
  }
}
