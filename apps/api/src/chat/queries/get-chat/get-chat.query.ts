import { Query } from '@nestjs/cqrs';
import type { ChatSummary } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export class GetChatQuery extends Query<ChatSummary> {
  constructor(
    readonly actor: Actor,
    readonly chatId: number,
  ) {
    super();
  }
}
