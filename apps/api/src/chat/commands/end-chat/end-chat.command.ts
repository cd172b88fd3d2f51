import { Command } from '@nestjs/cqrs';
import type { ChatSummary } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

/** The agent ends the chat; the conversation stays the ticket's timeline. */
export class EndChatCommand extends Command<ChatSummary> {
  constructor(
    readonly actor: Actor,
    readonly chatId: number,
  ) {
    super();
  }
}
