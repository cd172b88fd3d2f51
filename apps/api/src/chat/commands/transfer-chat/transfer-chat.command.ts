import { Command } from '@nestjs/cqrs';
import type { ChatSummary } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

/** Hands the chat to another agent (offered to them) or to a team (routed there again). */
export class TransferChatCommand extends Command<ChatSummary> {
  constructor(
    readonly actor: Actor,
    readonly chatId: number,
    readonly to: { agentId?: number; teamId?: number },
  ) {
    super();
  }
}
