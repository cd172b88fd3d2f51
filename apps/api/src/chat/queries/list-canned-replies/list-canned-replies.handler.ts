import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { CannedReply } from '@switchboard/contracts';
import { ChatCannedReplyRepository } from '../../chat-canned-reply.repository.js';
import { ListCannedRepliesQuery } from './list-canned-replies.query.js';

@QueryHandler(ListCannedRepliesQuery)
export class ListCannedRepliesHandler implements IQueryHandler<ListCannedRepliesQuery, CannedReply[]> {
  constructor(private readonly cannedReplies: ChatCannedReplyRepository) {}

  execute(): Promise<CannedReply[]> {
    return this.cannedReplies.cannedReplies();
  }
}
