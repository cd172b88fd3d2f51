import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ChatSummary } from '@switchboard/contracts';
import { ChatAccess } from '../../chat-access.js';
import { GetChatQuery } from './get-chat.query.js';

@QueryHandler(GetChatQuery)
export class GetChatHandler implements IQueryHandler<GetChatQuery, ChatSummary> {
  constructor(private readonly access: ChatAccess) {}

  execute({ actor, chatId }: GetChatQuery): Promise<ChatSummary> {
    return this.access.summary(actor, chatId);
  }
}
