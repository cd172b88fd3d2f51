import { Command } from '@nestjs/cqrs';
import type { ChatSummary } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

/** The agent takes the chat: it becomes active with them, and the ticket is theirs. */
export class AcceptChatCommand extends Command<ChatSummary> {
  constructor(
    readonly actor: Actor,
    readonly chatId: number,
  ) {
    super();
  }
}
