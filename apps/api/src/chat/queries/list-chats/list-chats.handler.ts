import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ChatSummary } from '@switchboard/contracts';
import { accessibleWhere } from '../../../access/accessible-where.js';
import { toChatSummary } from '../../chat.mapper.js';
import { ChatSessionRepository } from '../../chat-session.repository.js';
import { ChatSummaryRepository } from '../../chat-summary.repository.js';
import { ListChatsQuery } from './list-chats.query.js';

/** The CASL rules for ChatSession become the SQL where; the queue place is counted over the waiting, unoffered chats. */
@QueryHandler(ListChatsQuery)
export class ListChatsHandler implements IQueryHandler<ListChatsQuery, ChatSummary[]> {
  constructor(
    private readonly summaries: ChatSummaryRepository,
    private readonly chats: ChatSessionRepository,
  ) {}

  async execute({ actor, state }: ListChatsQuery): Promise<ChatSummary[]> {
    const visible = accessibleWhere(actor.ability, 'read', 'ChatSession');
    if (visible === null) return [];
    const rows = await this.chats.list(visible, state === 'open' ? ['waiting', 'active'] : ['ended'], state === 'open' ? 200 : 50);
    const facts = await this.summaries.facts(rows);
    let place = 0;
    return rows.map((chat) => {
      const fact = facts.get(chat.id);
      const queued = chat.state === 'waiting' && !fact?.assigneeId;
      return toChatSummary(chat, fact, queued ? ++place : null);
    });
  }
}
