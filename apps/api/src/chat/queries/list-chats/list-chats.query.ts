import { Query } from '@nestjs/cqrs';
import type { ChatSummary } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

/** Open chats (waiting and active, oldest first) or recently ended ones (newest first). */
export class ListChatsQuery extends Query<ChatSummary[]> {
  constructor(
    readonly actor: Actor,
    readonly state: 'open' | 'ended',
  ) {
    super();
  }
}
