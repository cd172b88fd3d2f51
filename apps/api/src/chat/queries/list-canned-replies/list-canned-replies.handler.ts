import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { CannedReply } from '@switchboard/contracts';
import { ChatRepository } from '../../chat.repository.js';
import { ListCannedRepliesQuery } from './list-canned-replies.query.js';

@QueryHandler(ListCannedRepliesQuery)
export class ListCannedRepliesHandler implements IQueryHandler<ListCannedRepliesQuery, CannedReply[]> {
  constructor(private readonly chats: ChatRepository) {}

  execute(): Promise<CannedReply[]> {
    return this.chats.cannedReplies();
  }
}
