import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ChatSummary } from '@switchboard/contracts';
import { ChatAccess } from '../../chat-access.js';
import { ChatEnding } from '../../chat-ending.js';
import { ChatErrors } from '../../chat.errors.js';
import { EndChatCommand } from './end-chat.command.js';

@CommandHandler(EndChatCommand)
export class EndChatHandler implements ICommandHandler<EndChatCommand, ChatSummary> {
  constructor(
    private readonly access: ChatAccess,
    private readonly ending: ChatEnding,
  ) {}

  async execute({ actor, chatId }: EndChatCommand): Promise<ChatSummary> {
    const chat = await this.access.load(actor, chatId, 'update');
    if (chat.state === 'ended') throw ChatErrors.ended(chatId);
    await this.ending.end(chatId, 'agent');
    return this.access.summary(actor, chatId);
  }
}
